// Engines reached as remote ones are, for the tests of added engines (E2): a second
// private dockerd behind `--tlsverify` with certificates made here by openssl, and a
// private sshd on a loopback port whose sessions reach the test dockerd through
// `docker system dial-stdio`. Both listen on 127.0.0.x only and live under the test
// engine's folder; `stop…` ends them.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:https'
import { join } from 'node:path'
import { engineDir } from './dockerd.mjs'

export const TLS_PORT = 23760
export const SSH_PORT = 22322

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', ...options })
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr || r.stdout}`)
  return r.stdout
}

function pidOf(file) {
  if (!existsSync(file)) return false
  const pid = Number(readFileSync(file, 'utf8').trim())
  try {
    process.kill(pid, 0)
    return pid
  } catch {
    return false
  }
}

async function stopPid(file, name, log) {
  const pid = pidOf(file)
  if (!pid) return
  process.kill(pid, 'SIGTERM')
  for (const deadline = Date.now() + 20_000; pidOf(file) && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 100))
  if (pidOf(file)) process.kill(pid, 'SIGKILL')
  log(`wharf: ${name} stopped`)
}

/** A CA, the daemon's certificate (127.0.0.1 and localhost, not 127.0.0.2), a client's, and a foreign CA. */
function makeCertificates(dir) {
  if (existsSync(join(dir, 'client-key.pem'))) return
  mkdirSync(dir, { recursive: true })
  const o = (...args) => run('openssl', args, { cwd: dir })
  for (const ca of ['ca', 'other-ca']) {
    o('genrsa', '-out', `${ca}-key.pem`, '2048')
    o('req', '-x509', '-new', '-key', `${ca}-key.pem`, '-days', '30', '-subj', `/CN=Wharf test ${ca}`, '-out', `${ca}.pem`)
  }
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n')
  writeFileSync(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n')
  for (const [name, ext] of [
    ['server', 'server.ext'],
    ['client', 'client.ext'],
  ]) {
    o('genrsa', '-out', `${name}-key.pem`, '2048')
    o('req', '-new', '-key', `${name}-key.pem`, '-subj', `/CN=wharf-${name}`, '-out', `${name}.csr`)
    o(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca-key.pem',
      '-CAcreateserial',
      '-days',
      '30',
      '-extfile',
      ext,
      '-out',
      `${name}.pem`,
    )
  }
}

function tlsPing(dir) {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: TLS_PORT,
        path: '/_ping',
        ca: readFileSync(join(dir, 'ca.pem')),
        cert: readFileSync(join(dir, 'client.pem')),
        key: readFileSync(join(dir, 'client-key.pem')),
        timeout: 2000,
      },
      (res) => {
        res.resume()
        resolve(res.statusCode === 200)
      },
    )
    req.on('error', () => resolve(false))
    req.on('timeout', () => req.destroy())
    req.end()
  })
}

function linkExists(name) {
  return spawnSync('ip', ['link', 'show', name], { stdio: 'ignore' }).status === 0
}

/** A bridge of the TLS engine's own (dockerd needs one it may use, and must not touch docker0). */
function ownBridge() {
  const name = 'wharftls0'
  if (linkExists(name)) return name
  for (const args of [
    ['link', 'add', name, 'type', 'bridge'],
    ['addr', 'add', '10.232.0.1/24', 'dev', name],
    ['link', 'set', name, 'up'],
  ])
    run('ip', args)
  return name
}

/** A dockerd with --tlsverify on 127.0.0.1 and 127.0.0.2 (which its certificate does not name). */
export async function startTlsEngine(log = console.log) {
  const dir = join(engineDir(), 'tls')
  makeCertificates(dir)
  const pidFile = join(dir, 'docker.pid')
  if (!(pidOf(pidFile) && (await tlsPing(dir)))) {
    // A fresh network store every start: a dockerd given an address pool that finds its own
    // "bridge" network from a previous run deletes docker0 (moby's initNetworkController
    // clears the stale network, then the default bridge interface by name), and docker0 is
    // the main test engine's. (The data root itself stays: dockerd leaves it bind-mounted.)
    rmSync(join(dir, 'data', 'network'), { recursive: true, force: true })
    const hadDocker0 = linkExists('docker0')
    const out = openSync(join(dir, 'dockerd.log'), 'a')
    // Its own roots, bridge and address pool, no iptables: it never meets the main test
    // engine's networks. (`--bridge none` is no good either: that daemon deletes docker0.)
    const args = [
      '--host',
      `tcp://127.0.0.1:${TLS_PORT}`,
      '--host',
      `tcp://127.0.0.2:${TLS_PORT}`,
      // For the tests' own setup (loading the test image), never for Wharf under test.
      '--host',
      `unix://${tlsEngineSocket()}`,
      '--tlsverify',
      '--tlscacert',
      join(dir, 'ca.pem'),
      '--tlscert',
      join(dir, 'server.pem'),
      '--tlskey',
      join(dir, 'server-key.pem'),
      '--data-root',
      join(dir, 'data'),
      '--exec-root',
      join(dir, 'exec'),
      '--pidfile',
      pidFile,
      '--bridge',
      ownBridge(),
      '--default-address-pool',
      'base=10.233.0.0/16,size=24',
      '--iptables=false',
      '--ip-masq=false',
    ]
    const child = spawn('dockerd', args, { detached: true, stdio: ['ignore', out, out] })
    child.unref()
    for (const deadline = Date.now() + 60_000; !(await tlsPing(dir));) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`the TLS test dockerd did not start; see ${join(dir, 'dockerd.log')}`)
      await new Promise((r) => setTimeout(r, 200))
    }
    if (hadDocker0 && !linkExists('docker0')) throw new Error('the TLS test dockerd deleted docker0, which the main test engine needs')
    log(`wharf: TLS test dockerd ready at tcp://127.0.0.1:${TLS_PORT}`)
  }
  return { WHARF_TEST_TLS_PORT: String(TLS_PORT), WHARF_TEST_TLS_DIR: dir }
}

export function tlsEngineSocket() {
  return join(engineDir(), 'tls', 'docker.sock')
}

/** The TLS test dockerd's process, to freeze it (SIGSTOP) as a sleeping laptop would. */
export function tlsEnginePid() {
  return pidOf(join(engineDir(), 'tls', 'docker.pid'))
}

export function stopTlsEngine(log = console.log) {
  return stopPid(join(engineDir(), 'tls', 'docker.pid'), 'TLS test dockerd', log)
}

function sshDir() {
  return join(engineDir(), 'sshd')
}

function writeSshdConfig(dir, hostKey) {
  writeFileSync(
    join(dir, 'sshd_config'),
    [
      `Port ${SSH_PORT}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, hostKey)}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      'PermitRootLogin prohibit-password',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      // The session's DOCKER_HOST comes from authorized_keys: dial-stdio reaches the test engine.
      'PermitUserEnvironment yes',
      'StrictModes no',
      'UsePAM no',
      '',
    ].join('\n'),
  )
}

/** A private sshd on 127.0.0.1 with host key `a` (or `b`: the same host, its key changed). */
export async function startSshd(log = console.log, hostKey = 'host_a') {
  const dir = sshDir()
  mkdirSync(dir, { recursive: true })
  for (const key of ['host_a', 'host_b', 'client']) {
    if (!existsSync(join(dir, key))) run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `wharf-test-${key}`, '-f', join(dir, key)])
  }
  const dockerHost = `unix://${join(engineDir(), 'docker.sock')}`
  writeFileSync(join(dir, 'authorized_keys'), `environment="DOCKER_HOST=${dockerHost}" ${readFileSync(join(dir, 'client.pub'), 'utf8')}`)
  writeSshdConfig(dir, hostKey)
  await stopPid(join(dir, 'sshd.pid'), 'test sshd', () => undefined)
  // Privilege separation needs its empty folder, which a container or a minimal image may lack.
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 })
  const out = openSync(join(dir, 'sshd.log'), 'a')
  const child = spawn('/usr/sbin/sshd', ['-f', join(dir, 'sshd_config'), '-D', '-e'], { detached: true, stdio: ['ignore', out, out] })
  child.unref()
  for (const deadline = Date.now() + 15_000; !pidOf(join(dir, 'sshd.pid'));) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the test sshd did not start; see ${join(dir, 'sshd.log')}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  log(`wharf: test sshd on 127.0.0.1:${SSH_PORT} (host key ${hostKey})`)
  return { WHARF_TEST_SSH_PORT: String(SSH_PORT), WHARF_TEST_SSH_DIR: dir }
}

export function stopSshd(log = console.log) {
  return stopPid(join(sshDir(), 'sshd.pid'), 'test sshd', log)
}

/** The host key's line as known_hosts holds it ("<algorithm> <base64>"). */
export function sshHostKey(hostKey = 'host_a') {
  return readFileSync(join(sshDir(), `${hostKey}.pub`), 'utf8')
    .trim()
    .split(' ')
    .slice(0, 2)
    .join(' ')
}

/** `ssh-keygen -l`'s fingerprint of a host key: what the UI must show. */
export function sshFingerprint(hostKey = 'host_a') {
  return run('ssh-keygen', ['-l', '-E', 'sha256', '-f', join(sshDir(), `${hostKey}.pub`)]).split(' ')[1]
}

export function removeRemoteEngineFiles() {
  rmSync(join(engineDir(), 'tls'), { recursive: true, force: true })
  rmSync(sshDir(), { recursive: true, force: true })
}
