// Stand-in for a Google Tag Manager container, gated on analytics.
window.demoReport('Google Tag Manager container', 'analytics granted')
