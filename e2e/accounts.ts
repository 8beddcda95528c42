export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'factmark-demo'
export const CHECKER = { email: 'checker@factmark.test', password: DEMO_PASSWORD }
export const EDITOR = { email: 'editor@factmark.test', password: DEMO_PASSWORD }
export const OTHER_NEWSROOM_CHECKER = { email: 'other-checker@factmark.test', password: 'other-newsroom-pass' }
export const ADMIN = { email: 'admin@factmark.test', password: DEMO_PASSWORD }
