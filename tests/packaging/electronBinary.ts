/**
 * A stand-in for the Electron binary: a few bytes holding the fuse sentinel and a fuse
 * wire as Electron 38 ships it. @electron/fuses finds and flips a real binary's wire the
 * same way, so the afterPack hook can be exercised here, where Electron cannot be
 * downloaded.
 */
import { readFileSync, writeFileSync } from 'node:fs'

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'

/** Electron 38's shipped wire: RunAsNode…WasmTrapHandlers, '1' on, '0' off. */
export const ELECTRON_DEFAULT_WIRE = '101100011'

export function writeStandInBinary(path: string, wire = ELECTRON_DEFAULT_WIRE): void {
  const bytes = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in for Electron: it cannot be downloaded here"\nexit 1\n'),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, wire.length]),
    Buffer.from(wire),
    Buffer.from('\n'),
  ])
  writeFileSync(path, bytes, { mode: 0o755 })
}

/** The wire as '0'/'1' characters, read back from a stand-in (or real) binary. */
export function readWire(path: string): string {
  const bytes = readFileSync(path)
  const at = bytes.indexOf(FUSE_SENTINEL)
  if (at === -1) throw new Error(`no fuse sentinel in ${path}`)
  const start = at + FUSE_SENTINEL.length
  return bytes.subarray(start + 2, start + 2 + bytes[start + 1]).toString('latin1')
}
