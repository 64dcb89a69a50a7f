/**
 * Streamed uploads, the mirror of downloads: browser mode POSTs to /upload/<ticket>, the
 * desktop app to its wharf-download: scheme. The body is never buffered whole. What the
 * upload is (a file, an archive to extract, a backup to restore, a build context, an
 * image archive to load) was validated as the input of `transfers.upload`.
 */
import type { Readable } from 'node:stream'
import { WharfError } from '../../shared/errors'
import type { UploadSpec } from '../../shared/transferSchemas'
import { keyValues } from '../api/keyValues'
import type { EngineScope } from '../engine/scope'
import { receiveContext } from '../images/contextUpload'
import { checkDeclared, type UploadLimits } from '../images/uploadLimit'

export async function acceptUpload(
  engine: EngineScope,
  spec: UploadSpec,
  body: Readable,
  length: number | undefined,
  limits: UploadLimits,
): Promise<unknown> {
  switch (spec.kind) {
    case 'buildContext': {
      const { buildArgs, ...options } = spec.build
      const context = await receiveContext(body, length, limits.buildContextBytes, options.dockerfile)
      return engine.build.build(
        { ...options, context: context.dir, buildArgs: keyValues(buildArgs) },
        { name: spec.name, dispose: context.dispose },
      )
    }
    case 'imageArchive':
      checkDeclared('image archive', length, limits.imageArchiveBytes)
      return engine.transfer.loadUpload(spec.name, body, limits.imageArchiveBytes)
    case 'restore':
      return engine.fileTransfer.restore(spec.volume, body, length)
    case 'extract':
      return engine.fileTransfer.extract(spec.target, spec.dir, body, length)
    case 'files':
      // The declared size is what the file must have; a body of another length is refused before a byte is written.
      if (length !== undefined && length !== spec.size)
        return Promise.reject(
          new WharfError({ code: 'invalid_input', message: `The upload sends ${length} bytes for a file of ${spec.size}` }),
        )
      return engine.fileTransfer.upload(spec.target, spec.dir, spec.file, spec.size, body)
  }
}
