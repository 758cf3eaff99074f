import 'vitest/browser'

declare module 'vitest/browser' {
  interface BrowserCommands {
    emulateMedia(media: {
      colorScheme?: 'light' | 'dark' | null
      reducedMotion?: 'reduce' | 'no-preference' | null
    }): Promise<void>
    emulateGpc(on: boolean): Promise<void>
  }
}
