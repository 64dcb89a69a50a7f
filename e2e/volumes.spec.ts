import { expect, expectDownload, test } from './support/app'
import { readFileSync } from 'node:fs'
import { VolumesPage } from './pages/VolumesPage'
import { cleanup, runLabel, TEST_IMAGE, testDocker } from './support/engine'

const docker = testDocker()
const volume = `e2e-vol-${runLabel}`
test.afterAll(async () => {
  await cleanup(docker)
})

test.beforeAll(async () => {
  await docker.createVolume({ Name: volume, Labels: { 'wharf.test': runLabel } })
  const writer = await docker.createContainer({
    Image: TEST_IMAGE,
    Cmd: ['sh', '-c', 'mkdir -p /v/docs/old && echo "hello from the volume" > /v/docs/readme.txt && ln -s / /v/escape'],
    Labels: { 'wharf.test': runLabel },
    HostConfig: { Binds: [`${volume}:/v`] },
  })
  await writer.start()
  await writer.wait()
  await writer.remove()
})

test('open a volume, go into a folder, upload a file, preview it and download it', { tag: '@desktop' }, async ({ page }) => {
  const volumes = new VolumesPage(page)
  await volumes.find(volume)
  await volumes.row(volume).getByRole('link', { name: volume, exact: true }).click()
  await expect(page.getByRole('heading', { name: volume })).toBeVisible()
  const files = page.getByRole('region', { name: `Files of ${volume}` })
  await expect(volumes.entry('docs')).toBeVisible()
  await expect(volumes.entry('escape')).toContainText('→ /')
  // The image the helper runs from (as root, with the volume mounted) is named on the page.
  await expect(files.getByText(/helper image \S+ \([0-9a-f]{12}\)/)).toBeVisible()

  await volumes.openEntry('docs')
  await expect(files.getByRole('navigation', { name: 'Location' }).getByRole('button', { name: 'docs' })).toHaveAttribute(
    'aria-current',
    'location',
  )
  await expect(volumes.entry('readme.txt')).toContainText('22 B')

  const text = `uploaded ${runLabel} — ünïcode\n`
  await files.getByLabel('Upload files…').setInputFiles({ name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from(text) })
  await expect(files.getByRole('status', { name: 'Uploads' })).toContainText('Uploaded')
  await expect(volumes.entry('note.txt')).toBeVisible()

  await volumes.openEntry('note.txt')
  const preview = page.getByRole('complementary', { name: 'Preview of note.txt' })
  await expect(preview.getByLabel('Text')).toHaveText(text.trimEnd())
  await preview.getByRole('button', { name: 'Hex' }).click()
  await expect(preview.getByLabel('Hex')).toContainText('00000000  75 70 6c 6f 61 64 65 64')

  const download = await expectDownload(page, () => volumes.entry('note.txt').getByRole('button', { name: 'Download note.txt' }).click())
  expect(download.name).toBe('note.txt')
  expect(readFileSync(download.path, 'utf8')).toBe(text)

  // The folder tree: the current folder's subfolders are listed, and the root takes us back.
  const tree = page.getByRole('tree', { name: 'Folders' })
  await expect(tree.getByRole('treeitem', { name: /docs/ })).toHaveAttribute('aria-expanded', 'true')
  await tree.getByRole('button', { name: 'old', exact: true }).click()
  await expect(files.getByRole('navigation', { name: 'Location' }).getByRole('button', { name: 'old' })).toHaveAttribute(
    'aria-current',
    'location',
  )
  await tree.getByRole('button', { name: volume, exact: true }).click()
  await expect(volumes.entry('docs')).toBeVisible()
})

test('a link out of the volume is refused, a bad name is explained, delete asks first', async ({ page }) => {
  const volumes = new VolumesPage(page)
  await volumes.find(volume)
  await volumes.row(volume).getByRole('link', { name: volume, exact: true }).click()
  await volumes.openEntry('escape')
  await expect(page.getByRole('alert')).toContainText('outside the volume')

  await page.getByRole('button', { name: 'New folder…' }).click()
  const dialog = page.getByRole('dialog', { name: 'New folder' })
  await dialog.getByLabel('Folder name').fill('../up')
  await expect(dialog.getByText('A name cannot contain /')).toBeVisible()
  await dialog.getByLabel('Folder name').fill('made here')
  await dialog.getByRole('button', { name: 'Create' }).click()
  await expect(volumes.entry('made here')).toBeVisible()

  await volumes.entry('made here').getByRole('button', { name: 'Rename' }).click()
  const rename = page.getByRole('dialog', { name: 'Rename made here' })
  await rename.getByLabel('New name').fill('docs')
  await rename.getByRole('button', { name: 'Rename' }).click()
  await expect(rename.getByRole('alert')).toContainText('docs already exists')
  await rename.getByLabel('New name').fill('renamed')
  await rename.getByRole('button', { name: 'Rename' }).click()
  await expect(volumes.entry('renamed')).toBeVisible()

  await volumes.entry('renamed').getByRole('button', { name: 'Delete' }).click()
  const confirm = page.getByRole('dialog', { name: 'Delete files' })
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(volumes.entry('renamed')).toBeVisible()
  await volumes.entry('renamed').getByRole('button', { name: 'Delete' }).click()
  await page.getByRole('dialog', { name: 'Delete files' }).getByRole('button', { name: 'Delete' }).click()
  await expect(volumes.entry('renamed')).toHaveCount(0)
})

test('create a volume from the form, see it refused while used, and browse a container’s files', async ({ page }) => {
  const name = `e2e-made-${runLabel}`
  const volumes = new VolumesPage(page)
  await volumes.find(runLabel)
  // A volume made by someone else (here the API, as the CLI would) shows up without a refresh.
  const outside = `e2e-outside-${runLabel}`
  await docker.createVolume({ Name: outside, Labels: { 'wharf.test': runLabel } })
  await expect(volumes.row(outside)).toBeVisible()
  await page.getByRole('button', { name: 'Create volume…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Create a volume' })
  await dialog.getByLabel('Name').fill('bad name')
  await expect(dialog.getByText(/A volume name starts with a letter or digit/)).toBeVisible()
  await dialog.getByLabel('Name').fill(name)
  await dialog.getByLabel('Labels').fill(`wharf.test=${runLabel}`)
  await dialog.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { name })).toBeVisible()
  await expect(page.getByRole('region', { name: `Files of ${name}` })).toContainText('This folder is empty')

  const user = await docker.createContainer({
    Image: TEST_IMAGE,
    name: `e2e-user-${runLabel}`,
    Cmd: ['sh', '-c', 'echo changed > /etc/motd-wharf; sleep 3600'],
    Labels: { 'wharf.test': runLabel },
    HostConfig: { Binds: [`${name}:/data`] },
  })
  await user.start()
  await page.getByRole('button', { name: 'Remove…' }).click()
  await page.getByRole('dialog', { name: 'Remove volumes' }).getByRole('button', { name: 'Remove' }).click()
  await expect(page.getByRole('alert')).toContainText(`in use by e2e-user-${runLabel}`)

  await page.getByRole('link', { name: `e2e-user-${runLabel}` }).click()
  await page.getByRole('tab', { name: 'Files' }).click()
  const files = page.getByRole('region', { name: `Files of e2e-user-${runLabel}:/` })
  await volumes.openEntry('etc')
  await expect(files.getByRole('row').filter({ hasText: 'motd-wharf' })).toContainText('A')
})
