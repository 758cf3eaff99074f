// The marketing site's routes: the requests the demo server saw for its stand-in tags, for the
// page's live panel (GET), and a way to start the list afresh (DELETE).
export const handle = async (request, response, { requestLog }) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost')
  if (pathname != '/site/api/requests') return false
  if (request.method == 'DELETE') requestLog.length = 0
  response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  response.end(JSON.stringify(requestLog))
  return true
}
