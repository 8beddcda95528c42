import { redirect } from 'next/navigation'
import { ImportForm } from '@/components/ImportForm'
import { currentActor } from '@/lib/auth/actor'

export const metadata = { title: 'Import article · Factmark' }

export default async function NewArticlePage() {
  if (!(await currentActor())) redirect('/login')
  return (
    <section>
      <h1>Import article</h1>
      <ImportForm />
    </section>
  )
}
