import { EXPORT_FORMATS } from '../index'
import { fixtureContext, collect, claimsSource } from '../testing/fixtures'
const fmt = process.argv[2] as keyof typeof EXPORT_FORMATS
const inc = process.argv[3] === '1'
collect(EXPORT_FORMATS[fmt].serialize(fixtureContext({ includeUnapproved: inc }))).then((s) => process.stdout.write(s))
