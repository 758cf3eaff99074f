import type { Messages } from '../en'

export default {
  title: 'Votre vie privée compte pour nous',
  text: 'Nous utilisons des cookies pour faire fonctionner ce site. Avec votre accord, nous les utilisons aussi {purposes}. Vous pouvez modifier votre choix à tout moment. Consultez notre {policy}.',
  policy: 'politique relative aux cookies',
  acceptAll: 'Tout accepter',
  rejectAll: 'Tout refuser',
  manage: 'Gérer les préférences',
  preferencesTitle: 'Préférences de confidentialité',
  preferencesText:
    'Choisissez les cookies que nous pouvons utiliser. Les cookies essentiels sont toujours actifs, car le site en a besoin.',
  save: 'Enregistrer les préférences',
  close: 'Fermer',
  alwaysOn: 'Toujours actifs',
  details: 'Services et cookies',
  cookie: 'Cookie',
  purpose: 'Finalité',
  duration: 'Durée',
  settings: 'Paramètres des cookies',
  essential: 'Essentiels',
  'essential.text':
    'Nécessaires au fonctionnement du site : sécurité, répartition de charge et mémorisation de ce choix.',
  analytics: 'Mesure d’audience',
  'analytics.text': 'Nous aident à comprendre comment les visiteurs utilisent le site, afin de l’améliorer.',
  marketing: 'Marketing',
  'marketing.text': 'Servent à vous montrer des publicités pertinentes et à mesurer nos campagnes.',
  'click-tracking': 'Suivi des clics dans les e-mails',
  'click-tracking.text':
    'Nous indique quels liens de nos e-mails vous ouvrez, afin de vous envoyer des messages plus pertinents.',
  gpc: 'Votre navigateur envoie le signal Global Privacy Control, et nous le respectons : nous ne vendons ni ne partageons vos données personnelles, sauf si vous l’activez ici.',
  optOutText:
    'Nous utilisons des cookies pour faire fonctionner ce site et {purposes}. Vous pouvez vous opposer à tout moment à la vente ou au partage de vos données personnelles. Consultez notre {policy}.',
  doNotSell: 'Ne pas vendre ni partager mes informations personnelles',
  ok: 'OK',
  noticeText: 'Nous utilisons des cookies pour faire fonctionner ce site et {purposes}. Consultez notre {policy}.',
  placeholder:
    'Ce contenu de {service} n’est chargé qu’avec votre accord, car il peut déposer des cookies de la catégorie {category}.',
  load: 'Charger {service}',
  partlyOn: 'Partiellement activé',
  essentialOnlyText:
    'Nous utilisons uniquement les cookies nécessaires au fonctionnement de ce site. Consultez notre {policy}.',
  'analytics.purpose': 'pour comprendre comment le site est utilisé',
  'marketing.purpose': 'pour personnaliser les publicités',
  'click-tracking.purpose': 'pour savoir quels liens de nos e-mails vous ouvrez',
  otherPurpose: 'pour {category}',
  noCookies: 'Aucun cookie indiqué.',
  'list.pair': '{0} et {1}',
  'list.middle': '{0}, {1}',
  'list.end': '{0} et {1}',
} satisfies Messages
