// A router of a few lines on the History API: links inside the app change the route without a
// page load, and the back button works.
import { atom } from 'nanostores'

export const $path = atom(location.pathname)

const APP_PAGES = /^\/crm\/(settings|contacts(\/[\w-]+)?)?$/

const navigate = (path: string) => {
  if (path == $path.get()) return
  history.pushState(null, '', path)
  $path.set(path)
}

addEventListener('popstate', () => $path.set(location.pathname))

/** A click on an in-app link: route it, unless the visitor asked for a new tab or window. */
export const onLinkClick = (event: MouseEvent) => {
  const link = (event.target as Element).closest('a')
  // The app's own pages only: /crm/r (the redirector) and /crm/api are the server's.
  if (!link || link.origin != location.origin || !APP_PAGES.test(link.pathname)) return
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button != 0) return
  event.preventDefault()
  navigate(link.pathname)
}
