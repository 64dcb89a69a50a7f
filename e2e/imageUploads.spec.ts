/**
 * Browser mode: build from a folder and load an archive that live on the user's own
 * machine, picked with the browser's file inputs and uploaded (the server's paths are
 * not the user's). The desktop app keeps its native dialogs, so this runs in browser mode.
 */
import { mkdirSync, mkdtempSync, writeFileSync, createWriteStream } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { expect, test } from './support/app'
import { ImagesPage } from './pages/ImagesPage'
import { cleanup, runLabel, TEST_IMAGE, testDocker } from './support/engine'

const docker = testDocker()
const images: string[] = []
test.afterAll(async () => {
  await cleanup(docker)
  for (const tag of images)
    await docker
      .getImage(tag)
      .remove({ force: true })
      .catch(() => undefined)
})

test('upload a folder to build: the Dockerfile is chosen among its files, and the image is listed', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'wharf-e2e-upload-'))
  mkdirSync(join(dir, 'docker'))
  writeFileSync(join(dir, 'docker', 'App.Dockerfile'), `FROM ${TEST_IMAGE}\nCOPY greeting.txt /greeting.txt\nRUN cat /greeting.txt\n`)
  writeFileSync(join(dir, 'greeting.txt'), 'hello from an uploaded folder\n')
  const tag = `wharf-e2e/${runLabel}-uploaded:v1`
  images.push(tag)

  const imagesPage = new ImagesPage(page)
  await imagesPage.open()
  await page.getByRole('button', { name: 'Build…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Build an image' })
  await expect(dialog.getByRole('radio', { name: 'Upload a folder' })).toBeChecked()
  await dialog.getByLabel('Folder to upload').setInputFiles(dir)
  await expect(dialog).toContainText('2 files')
  const dockerfile = dialog.getByLabel('Dockerfile')
  await expect(dockerfile).toHaveValue('docker/App.Dockerfile')
  await dialog.getByLabel('Tags').fill(tag)
  await dialog.getByRole('button', { name: 'Upload and build' }).click()

  const task = page.getByRole('listitem', { name: `Build ${tag}` })
  await expect(task.getByRole('status')).toHaveText('done', { timeout: 60_000 })
  await expect(task.getByLabel(`Build output of ${tag}`)).toContainText('hello from an uploaded folder')
  await page.getByRole('searchbox', { name: 'Search images' }).fill(`${runLabel}-uploaded`)
  await expect(imagesPage.row(tag)).toBeVisible()
})

test('upload an archive to load: a docker save archive is loaded; a file that is not one gets the engine’s reason', async ({ page }) => {
  const repo = `wharf-e2e/${runLabel}-archived`
  const tag = `${repo}:v1`
  images.push(tag)
  await docker.getImage(TEST_IMAGE).tag({ repo, tag: 'v1' })
  const dir = mkdtempSync(join(tmpdir(), 'wharf-e2e-archive-'))
  const archive = join(dir, 'archived.tar')
  await pipeline(await docker.getImage(tag).get(), createWriteStream(archive))
  await docker.getImage(tag).remove()
  const notes = join(dir, 'notes.tar')
  writeFileSync(notes, 'these are notes, not an image archive')

  const imagesPage = new ImagesPage(page)
  await imagesPage.open()
  await page.getByRole('button', { name: 'Load…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Load images from an archive' })
  const input = dialog.getByLabel('Archive to upload')
  await input.setInputFiles(notes)
  await dialog.getByRole('button', { name: 'Upload and load' }).click()
  // dockerd's own words for a body that is not a tar.
  await expect(dialog.getByText('Error processing tar file(exit status 1): unexpected EOF')).toBeVisible()

  await input.setInputFiles(archive)
  await dialog.getByRole('button', { name: 'Upload and load' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('listitem', { name: 'Load archived.tar' }).getByRole('status')).toHaveText('done')
  await page.getByRole('searchbox', { name: 'Search images' }).fill(`${runLabel}-archived`)
  await expect(imagesPage.row(tag)).toBeVisible()
})
