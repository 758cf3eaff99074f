import type { Messages } from '../en'

export default {
  title: 'Fontos számunkra az Ön adatainak védelme',
  text: 'Sütiket használunk a webhely működtetéséhez. Az Ön hozzájárulásával arra is használjuk őket, {purposes}. Döntését bármikor megváltoztathatja. Olvassa el a {policy}.',
  policy: 'sütikre vonatkozó szabályzatunkat',
  acceptAll: 'Összes elfogadása',
  rejectAll: 'Összes elutasítása',
  manage: 'Beállítások kezelése',
  preferencesTitle: 'Adatvédelmi beállítások',
  preferencesText:
    'Válassza ki, mely sütiket használhatjuk. A feltétlenül szükséges sütik mindig be vannak kapcsolva, mert a webhelynek szüksége van rájuk.',
  save: 'Beállítások mentése',
  close: 'Bezárás',
  alwaysOn: 'Mindig bekapcsolva',
  details: 'Szolgáltatások és sütik',
  cookie: 'Süti',
  purpose: 'Cél',
  duration: 'Időtartam',
  settings: 'Sütibeállítások',
  essential: 'Feltétlenül szükséges',
  'essential.text':
    'A webhely működéséhez szükségesek: biztonság, terheléselosztás és ennek a döntésnek a megjegyzése.',
  analytics: 'Statisztika',
  'analytics.text': 'Segítenek megérteni, hogyan használják a látogatók a webhelyet, hogy javíthassuk.',
  marketing: 'Marketing',
  'marketing.text': 'Arra szolgálnak, hogy releváns hirdetéseket mutassunk, és mérjük kampányainkat.',
  'click-tracking': 'Kattintáskövetés e-mailekben',
  'click-tracking.text':
    'Megmutatja, mely hivatkozásokat nyitja meg e-mailjeinkben, hogy relevánsabb üzeneteket küldhessünk.',
  gpc: 'Böngészője Global Privacy Control jelzést küld, és mi tiszteletben tartjuk: nem adjuk el és nem osztjuk meg személyes adatait, hacsak itt be nem kapcsolja.',
  optOutText:
    'Sütiket használunk a webhely működtetéséhez, és arra, {purposes}. Bármikor tiltakozhat személyes adatai eladása vagy megosztása ellen. Olvassa el a {policy}.',
  doNotSell: 'Ne adják el és ne osszák meg a személyes adataimat',
  ok: 'OK',
  noticeText: 'Sütiket használunk a webhely működtetéséhez, és arra, {purposes}. Olvassa el a {policy}.',
  placeholder:
    'Ez a(z) {service}-tartalom csak az Ön engedélyével töltődik be, mert {category} kategóriájú sütiket állíthat be.',
  load: '{service} betöltése',
  partlyOn: 'Részben bekapcsolva',
  essentialOnlyText:
    'Csak azokat a sütiket használjuk, amelyekre a webhelynek a működéséhez szüksége van. Olvassa el a {policy}.',
  'analytics.purpose': 'hogy megértsük, hogyan használják a webhelyet',
  'marketing.purpose': 'hogy személyre szabjuk a hirdetéseket',
  'click-tracking.purpose': 'hogy lássuk, mely hivatkozásokat nyitja meg e-mailjeinkben',
  otherPurpose: 'a(z) {category} kategória céljára',
  noCookies: 'Nincsenek felsorolt sütik.',
  'list.pair': '{0} és {1}',
  'list.middle': '{0}, {1}',
  'list.end': '{0} és {1}',
} satisfies Messages
