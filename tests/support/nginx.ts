// Runs Debian's nginx with deploy/nginx.conf, as shipped, on loopback ports: only the
// addresses, certificate paths and log path are replaced (each replacement must match,
// so a changed config cannot silently escape the test).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../../scripts/db/embedded'

export interface Nginx {
  /** https://127.0.0.1:port */
  url: string
  accessLog: () => string
  stop: () => Promise<void>
}

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx'

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  const matches = text.match(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'))
  if (matches?.length !== 1) throw new Error(`deploy/nginx.conf: expected exactly one match of ${pattern}, found ${matches?.length ?? 0}`)
  return text.replace(pattern, replacement)
}

/** deploy/nginx.conf with these upstream instances, ports and files. */
export function renderDeployConfig(
  config: string,
  {
    upstreams,
    httpsPort,
    httpPort,
    certificate,
    key,
    accessLog,
  }: {
    upstreams: number[]
    httpsPort: number
    httpPort: number
    certificate: string
    key: string
    accessLog: string
  },
) {
  let text = replaceOnce(
    config,
    /( *server 127\.0\.0\.1:3000 [^\n]*\n)( *server 127\.0\.0\.1:3001 [^\n]*\n)/,
    upstreams.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=10s;\n`).join(''),
  )
  text = replaceOnce(text, / *listen 80;\n *listen \[::\]:80;\n/, `    listen 127.0.0.1:${httpPort};\n`)
  text = replaceOnce(text, / *listen 443 ssl http2;\n *listen \[::\]:443 ssl http2;\n/, `    listen 127.0.0.1:${httpsPort} ssl http2;\n`)
  text = replaceOnce(text, /ssl_certificate +\S+;/, `ssl_certificate ${certificate};`)
  text = replaceOnce(text, /ssl_certificate_key +\S+;/, `ssl_certificate_key ${key};`)
  text = replaceOnce(text, /access_log \/var\/log\/nginx\/factmark\.access\.log factmark;/, `access_log ${accessLog} factmark;`)
  return text
}

export async function startNginx(upstreams: number[]): Promise<Nginx> {
  const dir = mkdtempSync(join(tmpdir(), 'factmark-nginx-'))
  chmodSync(dir, 0o755) // nginx's workers run as an unprivileged user when we are root
  const certificate = join(dir, 'factmark.pem')
  const key = join(dir, 'factmark.key')
  const made = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=factmark.example.org', '-keyout', key, '-out', certificate],
    { encoding: 'utf8' },
  )
  if (made.status !== 0) throw new Error(`openssl could not make a test certificate: ${made.stderr}`)
  const [httpsPort, httpPort] = [await freePort(), await freePort()]
  const accessLog = join(dir, 'access.log')
  const site = renderDeployConfig(readFileSync('deploy/nginx.conf', 'utf8'), { upstreams, httpsPort, httpPort, certificate, key, accessLog })
  writeFileSync(join(dir, 'factmark.conf'), site)
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, temp))
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/factmark.conf;
}
`,
  )
  const checked = spawnSync(NGINX, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' })
  if (checked.status !== 0) throw new Error(`nginx -t refused deploy/nginx.conf: ${checked.stderr}`)
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (chunk) => (stderr += chunk))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = `https://127.0.0.1:${httpsPort}`
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM') // fast: a graceful stop would wait for open live feeds
    await exited
    rmSync(dir, { recursive: true, force: true })
  }
  for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`)
    const status = await httpsStatus(`${url}/api/health`).catch(() => 0)
    if (status === 200) return { url, accessLog: () => readFileSync(accessLog, 'utf8'), stop }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  await stop()
  throw new Error(`nginx did not answer within 20 s: ${stderr}`)
}

function httpsStatus(url: string) {
  return new Promise<number>((resolve, reject) => {
    request(url, { rejectUnauthorized: false }, (response) => {
      response.resume()
      resolve(response.statusCode!)
    })
      .on('error', reject)
      .end()
  })
}
