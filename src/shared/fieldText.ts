/**
 * The English text of the checks the volume, file, network and image forms share with main.
 * Main sends these words in its errors; the renderer finds the key (and the values
 * filled in) behind a message and shows the translation under `fields.*` instead.
 */
export const FIELD_TEXT = {
  networkNameRequired: 'A network name is required',
  networkName: 'A network name starts with a letter or digit, then letters, digits, _ . -',
  keyValue: 'Each entry is KEY=VALUE',
  subnetCidr: 'A subnet is a CIDR, e.g. 172.28.0.0/16 or fd00:28::/64',
  subnetNeedsIpv6: 'An IPv6 subnet needs the IPv6 option on',
  subnetHostBits: 'Write the subnet with its host bits zero, e.g. {example}',
  gatewayIp: 'A gateway is an IP address, e.g. 172.28.0.1',
  gatewayNeedsSubnet: 'A gateway needs a subnet',
  gatewayOutside: 'The gateway {gateway} is not inside {subnet}',
  rangeCidr: 'An IP range is a CIDR inside the subnet, e.g. 172.28.5.0/24',
  rangeNeedsSubnet: 'An IP range needs a subnet',
  rangeOutside: 'The range {range} is not inside {subnet}',
  alias: 'An alias is a host name',
  staticIp: 'A static address is IPv4, e.g. 172.28.0.10',
  volumeNameRequired: 'A volume name is required',
  volumeName: 'A volume name starts with a letter or digit, then letters, digits, _ . -',
  nameDots: 'Give a name other than . or ..',
  nameSlash: 'A name cannot contain /',
  nameNul: 'A name cannot contain a NUL character',
  nameLong: 'A name is at most 255 bytes',
  imageIdRequired: 'An image id or name is required',
  imageIdOrName: 'Not an image id or name (e.g. nginx:1.25 or sha256:…)',
  tagRequired: 'A name is required',
  tagName: 'Not a valid image name: lower-case repository[:tag], e.g. myapp:1.0 or registry.local:5000/team/app:v2',
  tagDigest: 'A tag cannot carry a digest',
  imageNameRequired: 'An image name is required',
  imageName: 'Not a valid image name: lower-case [registry/]repository[:tag], e.g. nginx:1.27 or 127.0.0.1:5000/team/app:v2',
  imageNameLong: 'An image name (registry and repository) is at most 255 characters',
  registryRequired: 'A registry address is required',
  registryAddress: 'A registry address is host[:port], e.g. registry.example.com or 127.0.0.1:5000',
  userRequired: 'A user name is required',
  passwordRequired: 'A password or token is required',
  contextRequired: 'A context folder is required',
  buildTag: 'Not a valid image name: lower-case repository[:tag], e.g. myapp:1.0',
  buildArg: 'A build argument is KEY=VALUE',
  buildTarget: 'A target is the name of a stage (FROM … AS name)',
  filePathRequired: 'A file path is required',
  alreadyExists: '{name} already exists',
  doesNotExist: '{path} does not exist',
  folderNotFile: '{path} is a folder; a file cannot replace it',
  volumeNotEmpty: '{volume} is not empty ({count} entries); restore into a new or empty volume',
  cloneTargetNotEmpty: '{volume} already has files; clone into a new or empty volume',
  uploadIncomplete: 'The upload of {name} stopped after {received} of {size} bytes; nothing was changed',
  replaceNeedsShell:
    '{name} already exists; replacing it needs a shell (sh, mv) in the helper or container, so that the old file stays until the new one has arrived whole',
  leftPartly: 'Writing {name} failed ({reason}); part of it may be left there, and without a shell Wharf cannot remove it',
  restoreNotUndone:
    'Restoring into {volume} failed ({reason}); it holds part of the backup and, without a shell, could not be emptied again',
  cloneNotUndone: 'Cloning into {volume} failed ({reason}); it holds part of the copy and, without a shell, could not be emptied again',
  swarmAddress: 'An address is an IP, a host name or an interface, with an optional :port',
  swarmManagerRequired: "The manager's address is required, e.g. 192.168.1.10:2377",
  swarmToken: 'A join token looks like SWMTKN-1-…-…; copy it from a manager',
  swarmNameRequired: 'A name is required',
  swarmName: 'A name starts with a letter or digit, then letters, digits, _ . - (at most 63)',
  swarmMountTarget: 'A mount target is an absolute path in the container',
  swarmMountSource: 'A volume or bind mount needs a source',
  swarmConstraint: 'A constraint is attribute==value or attribute!=value, e.g. node.role==manager',
  swarmPortTwice: 'Port {port} is published twice',
  swarmValueRequired: 'A value is required',
  swarmValueLong: 'A value is at most 500 KiB',
  stackNameRequired: 'A stack name is required',
  stackName: 'A stack name is lowercase letters, digits, _ and -, starting with a letter or digit (at most 63)',
} as const

export type FieldTextKey = keyof typeof FIELD_TEXT

export function fieldText(key: FieldTextKey, params: Record<string, string> = {}): string {
  return FIELD_TEXT[key].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '')
}

const patterns = (Object.keys(FIELD_TEXT) as FieldTextKey[]).map((key) => {
  const names: string[] = []
  const source = FIELD_TEXT[key]
    .split(/(\{\w+\})/)
    .map((part) => {
      const slot = /^\{(\w+)\}$/.exec(part)
      if (!slot) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      names.push(slot[1])
      return '(.+?)'
    })
    .join('')
  return { key, names, pattern: new RegExp(`^${source}$`) }
})

/** The key and values behind one of these messages, or undefined for any other text. */
export function fieldKeyOf(message: string): { key: FieldTextKey; params: Record<string, string> } | undefined {
  for (const { key, names, pattern } of patterns) {
    const match = pattern.exec(message)
    if (match) return { key, params: Object.fromEntries(names.map((n, i) => [n, match[i + 1]])) }
  }
  return undefined
}
