// Stand-in for a product analytics library, loaded by whenGranted('analytics') only.
export const startAnalytics = () => {
  const page = window as unknown as { crmAnalyticsLoads?: number }
  page.crmAnalyticsLoads = (page.crmAnalyticsLoads ?? 0) + 1
  document.dispatchEvent(new CustomEvent('crm:analytics'))
}
