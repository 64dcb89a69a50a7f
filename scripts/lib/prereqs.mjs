// What the tests need from the machine, and how to get it on Debian.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'

/** [what is checked, the Debian package that provides it] */
export const requirements = [
  ['/usr/sbin/dockerd', 'docker.io'],
  ['/usr/bin/docker', 'docker.io'],
  ['/bin/busybox', 'busybox-static'],
  ['/usr/bin/chromium', 'chromium'],
  ['/usr/bin/curl', 'curl'],
  ['/usr/sbin/ip', 'iproute2'],
  // The swarm test engines run in network namespaces entered with nsenter and unshare.
  ['/usr/bin/nsenter', 'util-linux'],
  ['/usr/bin/unshare', 'util-linux'],
  ['/usr/bin/docker-registry', 'docker-registry'],
  ['/usr/bin/htpasswd', 'apache2-utils'],
  ['/usr/bin/podman', 'podman'],
  // The added-engine tests: a TLS daemon's certificates, an sshd reaching the test engine.
  ['/usr/bin/openssl', 'openssl'],
  ['/usr/sbin/sshd', 'openssh-server'],
  ['/usr/bin/ssh-keygen', 'openssh-client'],
  // tests/integration/credentialHelper.test.ts: a real `pass` store behind docker-credential-pass.
  ['/usr/bin/docker-credential-pass', 'golang-docker-credential-helpers'],
  ['/usr/bin/pass', 'pass'],
  ['/usr/bin/gpg', 'gpg'],
  ['/usr/bin/gpg-agent', 'gpg-agent'],
  // e2e/chinese.spec.ts: Chinese rendered with real glyphs (without a CJK font every string is boxes).
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'fonts-noto-cjk'],
  // e2e/compose.spec.ts: brings the seeds' compose example up with the user's compose tool.
  ['/usr/bin/docker-compose', 'docker-compose'],
]

function isStaticBusybox() {
  if (!existsSync('/bin/busybox')) return false
  const r = spawnSync('file', ['-L', '/bin/busybox'], { encoding: 'utf8' })
  // Without `file`, trust the package database instead.
  if (r.status !== 0) return spawnSync('dpkg', ['-s', 'busybox-static'], { stdio: 'ignore' }).status === 0
  return r.stdout.includes('statically linked')
}

export function missingPackages() {
  const missing = new Set()
  for (const [path, pkg] of requirements) if (!existsSync(path)) missing.add(pkg)
  if (!isStaticBusybox()) missing.add('busybox-static')
  return [...missing]
}

function isDebian() {
  try {
    return /^ID(_LIKE)?=.*debian/m.test(readFileSync('/etc/os-release', 'utf8'))
  } catch {
    return false
  }
}

/** Installs what is missing on Debian as root; elsewhere throws naming what is missing. */
export function ensurePrerequisites(log = console.log) {
  const missing = missingPackages()
  if (missing.length === 0) return
  const root = typeof process.getuid === 'function' && process.getuid() === 0
  if (!isDebian() || !root) {
    throw new Error(
      `The tests need these packages, which are missing: ${missing.join(', ')}.\n` +
        `On Debian run as root: apt-get install -y ${missing.join(' ')}\n` +
        'Elsewhere install their equivalents (dockerd 20.10+, a static busybox at /bin/busybox, Chromium at /usr/bin/chromium or set CHROMIUM_PATH).',
    )
  }
  log(`wharf: installing ${missing.join(', ')} with apt-get…`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  if (update.status !== 0) throw new Error('apt-get update failed')
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env })
  if (install.status !== 0) throw new Error(`apt-get install ${missing.join(' ')} failed`)
}
