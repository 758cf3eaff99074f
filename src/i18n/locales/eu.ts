import type { Messages } from '../en'

export default {
  title: 'Zure pribatutasuna garrantzitsua da guretzat',
  text: 'Cookieak erabiltzen ditugu webgune honek funtziona dezan. Zure baimenarekin, hauetarako ere erabiltzen ditugu: {purposes}. Zure aukera edonoiz alda dezakezu. Irakurri gure {policy}.',
  policy: 'cookie-politika',
  acceptAll: 'Onartu guztiak',
  rejectAll: 'Baztertu guztiak',
  manage: 'Kudeatu hobespenak',
  preferencesTitle: 'Pribatutasun-hobespenak',
  preferencesText:
    'Aukeratu zer cookie erabil ditzakegun. Ezinbesteko cookieak beti daude aktibo, webguneak behar dituelako.',
  save: 'Gorde hobespenak',
  close: 'Itxi',
  alwaysOn: 'Beti aktibo',
  details: 'Zerbitzuak eta cookieak',
  cookie: 'Cookiea',
  purpose: 'Xedea',
  duration: 'Iraupena',
  settings: 'Cookie-ezarpenak',
  essential: 'Ezinbestekoak',
  'essential.text': 'Webguneak funtziona dezan behar dira: segurtasuna, karga-banaketa eta aukera hau gogoratzea.',
  analytics: 'Analitika',
  'analytics.text': 'Bisitariek webgunea nola erabiltzen duten ulertzen laguntzen digute, hobetu ahal izateko.',
  marketing: 'Marketina',
  'marketing.text': 'Iragarki egokiak erakusteko eta gure kanpainak neurtzeko erabiltzen dira.',
  'click-tracking': 'Posta elektronikoko klikien jarraipena',
  'click-tracking.text':
    'Gure mezu elektronikoetako zer esteka irekitzen dituzun erakusten digu, mezu egokiagoak bidaltzeko.',
  gpc: 'Zure nabigatzaileak Global Privacy Control seinalea bidaltzen du, eta errespetatu egiten dugu: ez ditugu zure datu pertsonalak saltzen ezta partekatzen ere, hemen aktibatzen ez baduzu.',
  optOutText:
    'Cookieak erabiltzen ditugu webgune honek funtziona dezan, baita hauetarako ere: {purposes}. Edonoiz egin diezaiokezu aurka zure datu pertsonalak saltzeari edo partekatzeari. Irakurri gure {policy}.',
  doNotSell: 'Ez saldu eta ez partekatu nire informazio pertsonala',
  ok: 'Ados',
  noticeText:
    'Cookieak erabiltzen ditugu webgune honek funtziona dezan, baita hauetarako ere: {purposes}. Irakurri gure {policy}.',
  placeholder:
    '{service} zerbitzuaren eduki hau baimena ematen duzunean bakarrik kargatzen da, {category} motako cookieak ezar ditzakeelako.',
  load: 'Kargatu {service}',
  partlyOn: 'Partzialki aktibo',
  essentialOnlyText:
    'Webgune honek funtzionatzeko behar dituen cookieak bakarrik erabiltzen ditugu. Irakurri gure {policy}.',
  'analytics.purpose': 'webgunea nola erabiltzen den ulertzeko',
  'marketing.purpose': 'iragarkiak pertsonalizatzeko',
  'click-tracking.purpose': 'gure mezuetako zer esteka irekitzen dituzun ikusteko',
  otherPurpose: '{category} kategoriarako',
  noCookies: 'Ez dago cookierik zerrendatuta.',
  'list.pair': '{0} eta {1}',
  'list.middle': '{0}, {1}',
  'list.end': '{0} eta {1}',
} satisfies Messages
