import type { Messages } from '../en'

export default {
  title: 'Záleží nám na vašom súkromí',
  text: 'Súbory cookie používame na prevádzku tejto stránky. S vaším súhlasom ich používame aj {purposes}. Svoju voľbu môžete kedykoľvek zmeniť. Prečítajte si naše {policy}.',
  policy: 'zásady používania súborov cookie',
  acceptAll: 'Prijať všetko',
  rejectAll: 'Odmietnuť všetko',
  manage: 'Spravovať predvoľby',
  preferencesTitle: 'Predvoľby súkromia',
  preferencesText:
    'Vyberte, ktoré súbory cookie smieme používať. Nevyhnutné súbory cookie sú vždy aktívne, pretože ich stránka potrebuje.',
  save: 'Uložiť predvoľby',
  close: 'Zavrieť',
  alwaysOn: 'Vždy aktívne',
  details: 'Služby a súbory cookie',
  cookie: 'Cookie',
  purpose: 'Účel',
  duration: 'Platnosť',
  settings: 'Nastavenia cookies',
  essential: 'Nevyhnutné',
  'essential.text': 'Potrebné na prevádzku stránky: zabezpečenie, rozloženie záťaže a uloženie tejto voľby.',
  analytics: 'Analytické',
  'analytics.text': 'Pomáhajú nám pochopiť, ako návštevníci stránku používajú, aby sme ju mohli zlepšovať.',
  marketing: 'Marketingové',
  'marketing.text': 'Slúžia na zobrazovanie relevantnej reklamy a na meranie našich kampaní.',
  'click-tracking': 'Sledovanie kliknutí v e-mailoch',
  'click-tracking.text':
    'Ukazuje nám, ktoré odkazy v našich e-mailoch otvárate, aby sme vám posielali vhodnejšie správy.',
  gpc: 'Váš prehliadač odosiela signál „Global Privacy Control“ a my ho rešpektujeme: vaše osobné údaje nepredávame ani nezdieľame, kým to tu nezapnete.',
  optOutText:
    'Súbory cookie používame na prevádzku tejto stránky a {purposes}. Predaj alebo zdieľanie svojich osobných údajov môžete kedykoľvek odmietnuť. Prečítajte si naše {policy}.',
  doNotSell: 'Nepredávať ani nezdieľať moje osobné údaje',
  ok: 'OK',
  noticeText: 'Súbory cookie používame na prevádzku tejto stránky a {purposes}. Prečítajte si naše {policy}.',
  placeholder:
    'Tento obsah zo služby {service} sa načíta, až keď to povolíte, pretože môže nastaviť súbory cookie pre kategóriu {category}.',
  load: 'Načítať {service}',
  partlyOn: 'Čiastočne aktívne',
  essentialOnlyText:
    'Používame len súbory cookie, ktoré táto stránka potrebuje na fungovanie. Prečítajte si naše {policy}.',
  'analytics.purpose': 'aby sme pochopili, ako sa stránka používa',
  'marketing.purpose': 'aby sme prispôsobili reklamu',
  'click-tracking.purpose': 'aby sme videli, ktoré odkazy v našich e-mailoch otvárate',
  otherPurpose: 'pre kategóriu {category}',
  noCookies: 'Nie sú uvedené žiadne súbory cookie.',
  // CLDR: a no-break space after "a" in a pair, a plain one at the end of a longer list.
  'list.pair': '{0} a\u00a0{1}',
  'list.middle': '{0}, {1}',
  'list.end': '{0} a {1}',
} satisfies Messages
