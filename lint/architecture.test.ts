// The layering rules catch what they are for, on the project's real modules.
import { fileURLToPath } from 'node:url'
import { RuleTester } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, it } from 'vitest'
import architecture from './architecture.js'

RuleTester.describe = describe
RuleTester.it = it
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } })
const at = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url))

tester.run('server-only', architecture.rules['server-only'], {
  valid: [
    { filename: at('lib/claims/fake.ts'), code: "import 'server-only'\nimport { getDb } from '../db/client'" },
    // Types vanish at build: importing them reaches nothing.
    { filename: at('lib/claims/fake.ts'), code: "import type { Db } from '../db/client'\nimport { type Actor } from '../auth/actor'" },
    { filename: at('lib/claims/fake.ts'), code: "import { canonicalText } from '../anchoring/canonical'" },
    // Tests and code outside lib/ are not modules of the domain.
    { filename: at('lib/claims/fake.test.ts'), code: "import { getDb } from '../db/client'" },
    { filename: at('scripts/fake.ts'), code: "import { getDb } from '../lib/db/client'" },
  ],
  invalid: [
    { filename: at('lib/claims/fake.ts'), code: "import { getDb } from '../db/client'", errors: [{ messageId: 'missing' }] },
    // Reaching the database through another data module counts.
    { filename: at('lib/claims/fake.ts'), code: "export { listClaims } from '@/lib/claims'", errors: [{ messageId: 'missing' }] },
    { filename: at('lib/claims/fake.ts'), code: "import { Prisma } from '../generated/prisma/client'", errors: [{ messageId: 'missing' }] },
    { filename: at('lib/live/fake.ts'), code: "import pg from 'pg'", errors: [{ messageId: 'missing' }] },
    { filename: at('lib/claims/fake.ts'), code: "import { z } from 'zod'\nimport 'server-only'", errors: [{ messageId: 'notFirst' }] },
  ],
})

tester.run('layers', architecture.rules.layers, {
  valid: [
    {
      filename: at('components/Fake.tsx'),
      code: "import { STATUS_LABELS } from '@/lib/verdicts/labels'\nimport type { ClaimDetail } from '@/lib/claims'",
    },
    { filename: at('lib/export/report.ts'), code: "import 'server-only'\nimport { getDb } from '../db/client'" },
    { filename: at('lib/anchoring/fake.ts'), code: "import { codePointLength } from './offsets'" },
  ],
  invalid: [
    { filename: at('components/Fake.tsx'), code: "import { getClaim } from '@/lib/claims'", errors: [{ messageId: 'serverInBrowser' }] },
    { filename: at('components/Fake.tsx'), code: "import { getDb } from '../lib/db/client'", errors: [{ messageId: 'serverInBrowser' }] },
    { filename: at('lib/claims/fake.ts'), code: "import { ClaimsPanel } from '@/components/ClaimsPanel'", errors: [{ messageId: 'upward' }] },
    { filename: at('lib/claims/fake.ts'), code: "import type { Props } from '../../app/layout'", errors: [{ messageId: 'upward' }] },
    { filename: at('lib/anchoring/fake.ts'), code: "import { getDb } from '../db/client'", errors: [{ messageId: 'impure' }] },
    { filename: at('lib/suggestions/fake.ts'), code: "import { useState } from 'react'", errors: [{ messageId: 'impure' }] },
    { filename: at('lib/export/csv-fake.ts'), code: "import { reportClaims } from './report'", errors: [{ messageId: 'impure' }] },
  ],
})
