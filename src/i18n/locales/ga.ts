import type { Messages } from '../en'

export default {
  title: 'Is tábhachtach linn do phríobháideachas',
  text: 'Úsáidimid fianáin chun an suíomh seo a reáchtáil. Le do thoiliú úsáidimid iad freisin {purposes}. Is féidir leat do rogha a athrú am ar bith. Léigh ár {policy}.',
  policy: 'bpolasaí fianán',
  acceptAll: 'Glac le gach rud',
  rejectAll: 'Diúltaigh do gach rud',
  manage: 'Bainistigh roghanna',
  preferencesTitle: 'Roghanna príobháideachais',
  preferencesText:
    'Roghnaigh na fianáin a bhféadfaimid iad a úsáid. Bíonn na fianáin riachtanacha ar siúl i gcónaí mar go dteastaíonn siad ón suíomh.',
  save: 'Sábháil roghanna',
  close: 'Dún',
  alwaysOn: 'Ar siúl i gcónaí',
  details: 'Seirbhísí agus fianáin',
  cookie: 'Fianán',
  purpose: 'Cuspóir',
  duration: 'Fad',
  settings: 'Socruithe fianán',
  essential: 'Riachtanach',
  'essential.text':
    'Teastaíonn siad chun go n-oibreoidh an suíomh: slándáil, cothromú ualaigh agus an rogha seo a mheabhrú.',
  analytics: 'Anailísíocht',
  'analytics.text':
    'Cabhraíonn siad linn tuiscint a fháil ar an gcaoi a n-úsáideann cuairteoirí an suíomh, ionas gur féidir linn é a fheabhsú.',
  marketing: 'Margaíocht',
  'marketing.text': 'Úsáidtear iad chun fógraí ábhartha a thaispeáint duit agus chun ár bhfeachtais a thomhas.',
  'click-tracking': 'Rianú cliceanna i ríomhphoist',
  'click-tracking.text':
    'Taispeánann sé dúinn na naisc inár ríomhphoist a osclaíonn tú, ionas gur féidir linn teachtaireachtaí níos ábhartha a sheoladh chugat.',
  gpc: 'Seolann do bhrabhsálaí comhartha Global Privacy Control agus urramaímid é: ní dhíolaimid ná ní roinnimid do shonraí pearsanta mura gcasann tú é sin air anseo.',
  optOutText:
    'Úsáidimid fianáin chun an suíomh seo a reáchtáil agus {purposes}. Is féidir leat diúltú am ar bith do dhíol nó do chomhroinnt do shonraí pearsanta. Léigh ár {policy}.',
  doNotSell: 'Ná díol ná comhroinn mo shonraí pearsanta',
  ok: 'OK',
  noticeText: 'Úsáidimid fianáin chun an suíomh seo a reáchtáil agus {purposes}. Léigh ár {policy}.',
  placeholder:
    'Ní lódálfar an t-ábhar seo ó {service} go dtí go gceadaíonn tú é, mar go bhféadfadh sé fianáin {category} a shocrú.',
  load: 'Lódáil {service}',
  partlyOn: 'Ar siúl go páirteach',
  essentialOnlyText: 'Ní úsáidimid ach na fianáin a theastaíonn ón suíomh seo chun oibriú. Léigh ár {policy}.',
  'analytics.purpose': 'chun tuiscint a fháil ar úsáid an tsuímh',
  'marketing.purpose': 'chun fógraí a phearsantú',
  'click-tracking.purpose': 'chun na naisc inár ríomhphoist a osclaíonn tú a fheiceáil',
  otherPurpose: 'le haghaidh {category}',
  noCookies: 'Níl aon fhianáin liostaithe.',
  'list.pair': '{0} agus {1}',
  'list.middle': '{0}, {1}',
  'list.end': '{0} agus {1}',
} satisfies Messages
