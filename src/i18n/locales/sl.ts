import type { Messages } from '../en'

export default {
  title: 'Cenimo vašo zasebnost',
  text: 'Piškotke uporabljamo za delovanje tega spletnega mesta. Z vašo privolitvijo jih uporabljamo tudi {purposes}. Svojo izbiro lahko kadar koli spremenite. Preberite naš {policy}.',
  policy: 'pravilnik o piškotkih',
  acceptAll: 'Sprejmi vse',
  rejectAll: 'Zavrni vse',
  manage: 'Upravljaj nastavitve',
  preferencesTitle: 'Nastavitve zasebnosti',
  preferencesText:
    'Izberite, katere piškotke smemo uporabljati. Nujni piškotki so vedno vklopljeni, ker jih spletno mesto potrebuje.',
  save: 'Shrani nastavitve',
  close: 'Zapri',
  alwaysOn: 'Vedno vklopljeno',
  details: 'Storitve in piškotki',
  cookie: 'Piškotek',
  purpose: 'Namen',
  duration: 'Trajanje',
  settings: 'Nastavitve piškotkov',
  essential: 'Nujni',
  'essential.text':
    'Potrebni za delovanje spletnega mesta: varnost, porazdelitev obremenitve in shranjevanje te izbire.',
  analytics: 'Analitika',
  'analytics.text': 'Pomagajo nam razumeti, kako obiskovalci uporabljajo spletno mesto, da ga lahko izboljšamo.',
  marketing: 'Trženje',
  'marketing.text': 'Uporabljajo se za prikazovanje ustreznih oglasov in merjenje naših kampanj.',
  'click-tracking': 'Sledenje klikom v e-poštnih sporočilih',
  'click-tracking.text':
    'Pokaže nam, katere povezave v naših e-poštnih sporočilih odprete, da vam lahko pošiljamo ustreznejša sporočila.',
  gpc: 'Vaš brskalnik pošilja signal Global Privacy Control in ga spoštujemo: vaših osebnih podatkov ne prodajamo in ne delimo, razen če to vklopite tukaj.',
  optOutText:
    'Piškotke uporabljamo za delovanje tega spletnega mesta in {purposes}. Prodaji ali deljenju svojih osebnih podatkov lahko kadar koli ugovarjate. Preberite naš {policy}.',
  doNotSell: 'Ne prodajajte in ne delite mojih osebnih podatkov',
  ok: 'V redu',
  noticeText: 'Piškotke uporabljamo za delovanje tega spletnega mesta in {purposes}. Preberite naš {policy}.',
  placeholder:
    'Ta vsebina storitve {service} se naloži šele z vašim dovoljenjem, ker lahko nastavi piškotke kategorije {category}.',
  load: 'Naloži {service}',
  partlyOn: 'Delno vklopljeno',
  essentialOnlyText:
    'Uporabljamo samo piškotke, ki jih to spletno mesto potrebuje za delovanje. Preberite naš {policy}.',
  'analytics.purpose': 'da razumemo, kako se spletno mesto uporablja',
  'marketing.purpose': 'za prilagajanje oglasov',
  'click-tracking.purpose': 'da vidimo, katere povezave v naših e-poštnih sporočilih odprete',
  otherPurpose: 'za kategorijo {category}',
  noCookies: 'Navedenih ni nobenih piškotkov.',
  'list.pair': '{0} in {1}',
  'list.middle': '{0}, {1}',
  'list.end': '{0} in {1}',
} satisfies Messages
