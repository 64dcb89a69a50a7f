/**
 * The app's icons: one name per meaning, from Ionicons 5 (the set Naive UI's own docs
 * use), drawn through NIcon so they take the text's colour and size. Navigation,
 * buttons and states pick from here, so one thing has one icon everywhere.
 */
import type { Component } from 'vue'
import { FlashOutline, Pause, Play, PlayOutline, RefreshOutline, Stop, TrashOutline } from '@vicons/ionicons5'

export {
  CubeOutline as ContainersIcon,
  LayersOutline as ImagesIcon,
  ServerOutline as VolumesIcon,
  GitNetworkOutline as NetworksIcon,
  AlbumsOutline as ComposeIcon,
  GridOutline as SwarmIcon,
  TerminalOutline as TerminalIcon,
  HardwareChipOutline as EngineIcon,
  AppsOutline as EnginesIcon,
  SettingsOutline as SettingsIcon,
  BoatOutline as BrandIcon,
  Play as StartIcon,
  Stop as StopIcon,
  Pause as PauseIcon,
  PlayOutline as UnpauseIcon,
  RefreshOutline as RestartIcon,
  RefreshOutline as RefreshIcon,
  FlashOutline as KillIcon,
  TrashOutline as RemoveIcon,
  EllipsisVertical as MoreIcon,
  OptionsOutline as ColumnsIcon,
  ArrowUp as SortAscIcon,
  ArrowDown as SortDescIcon,
  AddOutline as AddIcon,
  FolderOpenOutline as BrowseIcon,
  CopyOutline as CloneIcon,
  ColorWandOutline as PruneIcon,
  CloudDownloadOutline as PullIcon,
  HammerOutline as BuildIcon,
  RocketOutline as RunIcon,
  ChevronForward as FoldedIcon,
  ChevronDown as UnfoldedIcon,
  ChevronUp as UnfoldedUpIcon,
  CloudUploadOutline as LoadIcon,
  DownloadOutline as SaveIcon,
  Close as CloseIcon,
  OpenOutline as PopOutIcon,
  Checkmark as CheckIcon,
  RemoveOutline as HidePanelIcon,
  SwapVerticalOutline as ScaleIcon,
} from '@vicons/ionicons5'

/** A container action's icon, the same on a row, in its menu and on the bulk bar. */
export const ACTION_ICONS: Record<'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill' | 'remove', Component> = {
  start: Play,
  stop: Stop,
  restart: RefreshOutline,
  pause: Pause,
  unpause: PlayOutline,
  kill: FlashOutline,
  remove: TrashOutline,
}
