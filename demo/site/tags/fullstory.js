// Stand-in for FullStory's snippet, gated on analytics.fullstory.
window.demoReport('FullStory session replay', `capture on start-up: ${window._fs_capture_on_startup}`)
