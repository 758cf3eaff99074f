import type { Messages } from '../en'

export default {
  title: 'Dbamy o Twoją prywatność',
  text: 'Używamy plików cookie, aby ta strona działała. Za Twoją zgodą używamy ich także, {purposes}. Możesz w każdej chwili zmienić swój wybór. Przeczytaj naszą {policy}.',
  policy: 'politykę cookie',
  acceptAll: 'Akceptuj wszystkie',
  rejectAll: 'Odrzuć wszystkie',
  manage: 'Zarządzaj ustawieniami',
  preferencesTitle: 'Ustawienia prywatności',
  preferencesText:
    'Wybierz, których plików cookie możemy używać. Niezbędne pliki cookie są zawsze włączone, bo strona ich potrzebuje.',
  save: 'Zapisz ustawienia',
  close: 'Zamknij',
  alwaysOn: 'Zawsze włączone',
  details: 'Usługi i pliki cookie',
  cookie: 'Plik cookie',
  purpose: 'Cel',
  duration: 'Czas przechowywania',
  settings: 'Ustawienia cookie',
  essential: 'Niezbędne',
  'essential.text':
    'Potrzebne do działania strony: bezpieczeństwo, równoważenie obciążenia i zapamiętanie tego wyboru.',
  analytics: 'Analityka',
  'analytics.text': 'Pomagają nam zrozumieć, jak odwiedzający korzystają ze strony, abyśmy mogli ją ulepszać.',
  marketing: 'Marketing',
  'marketing.text': 'Służą do wyświetlania trafnych reklam i mierzenia naszych kampanii.',
  'click-tracking': 'Śledzenie kliknięć w e-mailach',
  'click-tracking.text':
    'Pokazuje nam, które linki w naszych e-mailach otwierasz, abyśmy wysyłali Ci trafniejsze wiadomości.',
  gpc: 'Twoja przeglądarka wysyła sygnał Global Privacy Control i respektujemy go: nie sprzedajemy ani nie udostępniamy Twoich danych osobowych, chyba że włączysz to tutaj.',
  optOutText:
    'Używamy plików cookie, aby ta strona działała, i {purposes}. W każdej chwili możesz sprzeciwić się sprzedaży lub udostępnianiu swoich danych osobowych. Przeczytaj naszą {policy}.',
  doNotSell: 'Nie sprzedawaj ani nie udostępniaj moich danych osobowych',
  ok: 'OK',
  noticeText: 'Używamy plików cookie, aby ta strona działała, i {purposes}. Przeczytaj naszą {policy}.',
  placeholder:
    'Ta treść z {service} zostanie wczytana dopiero za Twoją zgodą, ponieważ może zapisywać pliki cookie z kategorii {category}.',
  load: 'Wczytaj {service}',
  partlyOn: 'Częściowo włączone',
  essentialOnlyText:
    'Używamy tylko plików cookie, których ta strona potrzebuje do działania. Przeczytaj naszą {policy}.',
  'analytics.purpose': 'aby zrozumieć, jak korzystasz ze strony',
  'marketing.purpose': 'aby personalizować reklamy',
  'click-tracking.purpose': 'aby sprawdzić, które linki w naszych e-mailach otwierasz',
  otherPurpose: 'w celu: {category}',
  noCookies: 'Nie podano plików cookie.',
  'list.pair': '{0} i {1}',
  'list.middle': '{0}, {1}',
  'list.end': '{0} i {1}',
} satisfies Messages
