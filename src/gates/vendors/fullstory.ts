import type { Gate } from '../../core/types'

type FullStoryWindow = Window & { FS?: (command: string) => void; _fs_capture_on_startup?: boolean }

/** Hold FullStory's capture until the gate decides: a snippet that loads now reads this flag. */
export const holdFullStory = (win: Window | null) => {
  if (win) (win as FullStoryWindow)._fs_capture_on_startup = false
}

/**
 * Gate for FullStory session replay: capture is held at start (`_fs_capture_on_startup = false`,
 * so load the FullStory snippet after the instance), starts with `FS('start')` when `name`
 * (default `analytics`) is granted, and stops with `FS('shutdown')` when it is withdrawn.
 */
export const fullStory =
  ({ name = 'analytics' }: { name?: string } = {}): Gate =>
  (consent, doc) => {
    const win = doc.defaultView as FullStoryWindow | null
    if (!win) return () => {}
    let capturing = false
    const apply = () => {
      const granted = consent.isGranted(name)
      // A snippet that loads later reads this flag; one already loaded takes the command.
      win._fs_capture_on_startup = granted
      if (granted != capturing && win.FS) win.FS(granted ? 'start' : 'shutdown')
      capturing = granted
    }
    holdFullStory(win)
    apply()
    return consent.$state.listen(apply)
  }
