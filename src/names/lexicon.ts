/**
 * General lexicons for romanised Arabic personal names.
 *
 * These are plain data from general knowledge of Arabic naming, not from any one source or
 * dataset: the particles and prefixes that mark the parts of a name, honorifics, and common given
 * names (isms) in their usual romanisations. Other modules (the extractor) use them to recognise
 * Arabic personal names in running text; `parse.ts` uses them to assign roles to name parts.
 *
 * All entries are lower-case ASCII without diacritics or ʿayn/hamza marks, which is the form
 * `asciiFold` in `fold.ts` produces.
 */

/** Prefixes of a kunya (teknonym): Abu/Umm X, with common spellings and the `Abu'l` form. */
export const KUNYA_PREFIXES: readonly string[] = [
  'abu', 'abou', 'abo', 'aboo', 'abi', 'abul', 'aboul', 'abil', 'abol',
  'umm', 'um', 'oum', 'om', 'omm', 'ummu',
];

/** Kunya prefixes that already contain the article (`Abu'l-Hasan`). */
export const KUNYA_PREFIXES_WITH_ARTICLE: readonly string[] = ['abul', 'aboul', 'abil', 'abol'];

/** Particles introducing a nasab (patronymic) element: bin/ibn/bint, Maghrebi ben, Mauritanian ould. */
export const NASAB_PARTICLES: readonly string[] = [
  'bin', 'ibn', 'bint', 'ben', 'b', 'bn', 'ibnu', 'ibnat', 'binti', 'ould', 'wuld', 'walad', 'bent',
];

/** The definite article in its spellings, without sun-letter assimilation. Always an article before a word. */
export const ARTICLES: readonly string[] = ['al', 'el', 'il', 'ul', 'ol', 'l'];

/**
 * Sun-letter assimilations of the article (ad-Din, ash-Shami, as-Suri, ar-Rahman…), keyed by the
 * consonant they assimilate to. They count as an article only before a word starting with that
 * consonant (so `As` in `As Suri` is an article but a lone `As` is not).
 */
export const ASSIMILATED_ARTICLES: Readonly<Record<string, string>> = {
  ad: 'd', ed: 'd', ud: 'd',
  adh: 'dh', edh: 'dh', udh: 'dh',
  an: 'n', en: 'n', un: 'n',
  ar: 'r', er: 'r', ur: 'r',
  as: 's', es: 's', us: 's',
  ash: 'sh', esh: 'sh', ush: 'sh',
  at: 't', et: 't', ut: 't',
  ath: 'th', eth: 'th', uth: 'th',
  az: 'z', ez: 'z', uz: 'z',
  // Emphatic letters written with their plain romanisation (aṣ-, aḍ-, aṭ-, aẓ-) fold to the above.
};

/**
 * Titles and honorifics that precede a name and are not part of it. Multi-word titles are listed
 * by their words (`grand`, `ayatollah`).
 */
export const TITLES: readonly string[] = [
  'sheikh', 'shaykh', 'shaikh', 'sheik', 'shaik', 'cheikh', 'sheikha', 'shaykha',
  'ayatollah', 'ayatullah', 'ayatolla', 'grand', 'hojatoleslam', 'hujjat', 'hojjat',
  'mullah', 'mulla', 'molla', 'mawlawi', 'maulvi', 'molvi', 'mawlana', 'maulana', 'mevlana',
  'dr', 'doctor', 'prof', 'professor', 'eng', 'engineer', 'muhandis',
  'emir', 'amir', 'imam', 'mufti', 'qadi', 'qazi', 'ustadh', 'ustaz', 'ustad',
  'hajji', 'haji', 'hajj', 'hadj', 'hadji', 'alhajj', 'alhaji',
  'sayyid', 'sayid', 'syed', 'sharif', 'sherif', 'habib', 'sidi', 'moulay', 'mulay', 'lalla',
  'qari', 'hafiz', 'hafez', 'pir', 'caliph', 'khalifa',
  'king', 'queen', 'prince', 'princess', 'sultan', 'emira', 'president', 'prime', 'minister',
  'general', 'gen', 'colonel', 'col', 'brigadier', 'major', 'maj', 'captain', 'capt', 'lieutenant', 'lt',
  'commander', 'field', 'marshal', 'mr', 'mrs', 'ms', 'sir', 'lord', 'haj',
];

/**
 * Titles that are also common given names or laqabs; treated as a title only when more than one
 * further word follows (`Amir Taheri` keeps Amir as ism; `Emir Abu X` drops it).
 */
export const AMBIGUOUS_TITLES: readonly string[] = [
  'amir', 'habib', 'sharif', 'sherif', 'khalifa', 'hafiz', 'hafez', 'sultan', 'sayyid', 'sayid', 'syed', 'qadi', 'major', 'lalla',
];

/** Words that mark a laqab when followed by one word and nothing else (`Haji Bakr`, `Hajji Iman`). */
export const LAQAB_MARKERS: readonly string[] = ['haji', 'hajji', 'hajj', 'hadj', 'hadji', 'haj'];

/**
 * Common Arabic (and Arabic-derived) given names in their usual romanisations. The list is a
 * general resource, not exhaustive; spelling variants fold to the same key (see `fold.ts`), so
 * one spelling per name is enough, but frequent Western spellings are listed to help recognition
 * in running text.
 */
export const ISMS: readonly string[] = [
  // prophets, companions, classical
  'muhammad', 'mohammed', 'mohammad', 'mohamed', 'ahmad', 'ahmed', 'mahmud', 'mahmoud', 'hamid', 'hamed',
  'hamad', 'hammad', 'hamdi', 'hamdan', 'hamza', 'hamzah', 'ali', 'umar', 'omar', 'uthman', 'othman', 'osman',
  'abu bakr', 'abubakar', 'hasan', 'hassan', 'husayn', 'hussein', 'husain', 'hussain', 'hossein',
  'ibrahim', 'ismail', 'ismael', 'ishaq', 'yaqub', 'yacoub', 'yusuf', 'youssef', 'yousef', 'musa', 'moussa',
  'harun', 'haroun', 'dawud', 'daoud', 'dawood', 'sulayman', 'suleiman', 'sulaiman', 'yahya', 'isa', 'issa',
  'ilyas', 'elias', 'idris', 'adam', 'nuh', 'hud', 'salih', 'saleh', 'shuayb', 'ayyub', 'ayoub', 'yunus', 'younis',
  'zakariya', 'zakaria', 'zaid', 'zayd', 'zeid', 'bilal', 'anas', 'jafar', 'jaafar', 'talha', 'zubayr', 'zubair',
  'khalid', 'khaled', 'walid', 'waleed', 'saad', 'said', 'saeed', 'sayyid', 'muawiya', 'ammar', 'yasir', 'yasser',
  'hudhayfa', 'huzaifa', 'huthayfa', 'abbas', 'aqil', 'hashim', 'hisham', 'haytham', 'haitham', 'mus ab', 'musab',
  'usama', 'osama', 'usamah', 'qutayba', 'qutaiba', 'ubayda', 'obaida', 'abdallah', 'abdullah', 'abdulla',
  'muadh', 'muaz', 'mu adh', 'jabir', 'jaber', 'salman', 'suhayb', 'suhaib', 'amr', 'amru', 'tariq', 'tarek', 'tareq',
  'ziyad', 'ziad', 'ayman', 'aiman', 'mustafa', 'mostafa', 'moustafa', 'mustapha', 'taha', 'yasin', 'yassin', 'yaseen',
  // frequent modern given names
  'abd al-rahman', 'abdurrahman', 'abd al-aziz', 'abdelaziz', 'abd al-karim', 'abdelkarim', 'abd al-qadir',
  'abdelkader', 'abd al-hamid', 'abd al-majid', 'abd al-latif', 'abd al-malik', 'abd al-hadi', 'abd al-baqi',
  'abd al-munim', 'abd al-salam', 'abd al-wahhab', 'abd al-jabbar', 'abd al-ghani', 'abd al-nasir', 'abd al-halim',
  'abd al-rahim', 'abd al-razzaq', 'abd al-fattah', 'abd al-hakim', 'abd al-basit', 'abd al-qawi', 'abd al-wahid',
  'abd al-jalil', 'abd al-latif', 'abd al-muhsin', 'abd al-ilah', 'abd al-hafiz', 'abd al-sattar', 'abd al-khaliq',
  'adil', 'adel', 'akram', 'amin', 'amine', 'amjad', 'anwar', 'arif', 'asad', 'asim', 'atif', 'atiya', 'atiyah',
  'awad', 'aziz', 'badr', 'bakr', 'bakri', 'basil', 'bashar', 'bashir', 'basim', 'bassam', 'bilal', 'burhan',
  'fadil', 'fadel', 'fadl', 'fahd', 'fahad', 'faisal', 'faysal', 'falah', 'faris', 'fares', 'farid', 'farouk', 'faruq',
  'farouq', 'fathi', 'fawaz', 'fawzi', 'fayiz', 'fayez', 'fuad', 'ghassan', 'ghazi', 'habib', 'hadi', 'hafiz',
  'hakim', 'halim', 'hamdi', 'hani', 'harith', 'hatim', 'hatem', 'haydar', 'haidar', 'hilal', 'husni', 'hosni',
  'ihsan', 'imad', 'emad', 'iman', 'iyad', 'eyad', 'izz', 'jalal', 'jamal', 'gamal', 'jamil', 'jameel', 'jasim',
  'jassim', 'jawad', 'jihad', 'kamal', 'kamel', 'kamil', 'karim', 'kareem', 'khalil', 'khattab', 'khayri', 'khairi',
  'labib', 'latif', 'luay', 'louay', 'lutfi', 'mahdi', 'mahir', 'maher', 'majid', 'majed', 'makki', 'mamdouh',
  'mamduh', 'mansur', 'mansour', 'marwan', 'masud', 'masoud', 'mazin', 'mazen', 'midhat', 'muhannad', 'muhsin',
  'mohsen', 'mukhtar', 'munir', 'munther', 'mundhir', 'murad', 'mourad', 'murtada', 'murtaza', 'musa', 'muslih',
  'mutlaq', 'nabil', 'nadim', 'nadir', 'nafi', 'naif', 'nayef', 'naji', 'najib', 'najm', 'nasir', 'nasser', 'naser',
  'nasr', 'nashwan', 'nawaf', 'nizar', 'nuri', 'nouri', 'nur', 'qais', 'qays', 'qasim', 'qassem', 'kassem', 'rafiq',
  'rafik', 'raed', 'raid', 'rami', 'ramzi', 'rashid', 'rached', 'rashad', 'riyad', 'riad', 'ridha', 'rida', 'reda',
  'saddam', 'sadiq', 'sadik', 'safwan', 'sahl', 'sakhr', 'salah', 'salem', 'salim', 'saleem', 'sami', 'samer',
  'samir', 'sameer', 'sayf', 'saif', 'seif', 'shadi', 'shakir', 'shaker', 'sharif', 'shawki', 'shukri', 'sufyan',
  'suhail', 'suhayl', 'sultan', 'tahir', 'taher', 'talal', 'tamer', 'tamir', 'tawfiq', 'tawfik', 'thamir', 'thamer',
  'tharwat', 'thirwat', 'tharwa', 'turki', 'ubayd', 'usamah', 'wael', 'wail', 'wajdi', 'walid', 'wasim', 'wissam',
  'yasir', 'zakariyya', 'zaki', 'zuhair', 'zuhayr', 'ziad', 'hakam', 'hamoud', 'hammoud', 'ismat', 'nabih', 'nabhan',
  'muhyi', 'saladin', 'nureddin', 'nouredine', 'izzedine', 'ezzedine', 'ezedin', 'alaa', 'ala', 'bahaa', 'diaa',
  'ghaith', 'ghayth', 'khalaf', 'mushtaq', 'munaf', 'nuaman', 'numan', 'qutb', 'rabi', 'rabie', 'rajab', 'ramadan',
  'shaban', 'ashraf', 'sherif', 'ahmad shah', 'abdi', 'abdo', 'abdou', 'aden', 'hersi', 'farah', 'mukhtar',
  // women's names
  'fatima', 'fatimah', 'aisha', 'aicha', 'ayesha', 'khadija', 'zaynab', 'zainab', 'maryam', 'mariam', 'asma',
  'hafsa', 'sumayya', 'sumaya', 'ruqayya', 'layla', 'leila', 'laila', 'salma', 'huda', 'hoda', 'nour', 'noor',
  'amina', 'aminah', 'samira', 'jamila', 'karima', 'nadia', 'hanan', 'hind', 'rana', 'rania', 'suad', 'souad',
  'sajida', 'safiya', 'safia', 'umayma', 'najla', 'nawal', 'wafa', 'yasmin', 'zahra', 'zohra', 'shayma',
];

/**
 * Given names so frequent that sharing one is weak evidence (weighted down in matching).
 * Written folded-style; the matcher folds them again with `foldToken`.
 */
export const COMMON_ISM_KEYS: readonly string[] = [
  'muhamad', 'ahmad', 'mahmud', 'ali', 'umar', 'abdala', 'hasan', 'husain', 'ibrahim', 'mustafa', 'khalid',
  'yusuf', 'abdalrahman', 'said', 'salih', 'musa', 'ismail', 'usman', 'hamid', 'abdalaziz', 'jamal', 'adil', 'karim',
];

/**
 * Nisbas of origin so widespread (countries, large cities, generic affiliations) that sharing one
 * is weak evidence. Written folded-style; the matcher folds them again with `foldToken`.
 */
export const COMMON_NISBA_KEYS: readonly string[] = [
  'masri', 'iraki', 'suri', 'shami', 'libi', 'yamani', 'yamini', 'urduni', 'filastini', 'saudi', 'kuwaiti', 'tunisi',
  'jazairi', 'maghribi', 'sudani', 'sumali', 'afghani', 'pakistani', 'baghdadi', 'muhajir', 'ansari', 'hashimi',
  'kurashi', 'husaini', 'tamimi', 'najdi', 'hijazi', 'maki', 'madani', 'halabi', 'dimashki', 'amriki', 'britani',
  'almani', 'faransi', 'turki', 'kurdi', 'baluchi', 'uzbiki', 'shishani', 'lubnani', 'makdisi', 'katari',
  'bahraini', 'umani', 'jazrawi', 'tarabulsi', 'mawsili', 'musili', 'anbari', 'tikriti', 'samarai', 'basri',
  'khurasani', 'janubi', 'shamali', 'gharbi', 'sharki', 'arabi', 'ajami', 'habashi', 'hindi', 'sindi',
  'azdi', 'harbi', 'utaibi', 'kahtani', 'shamari', 'dusari', 'mutairi', 'ghamdi', 'zahrani', 'shahri', 'asiri',
  'dulaimi', 'jaburi', 'ubaidi', 'janabi', 'zubaidi', 'tai',
];

/** Known nisbas and nisba-like affiliations that do not end in -i (`al-Muhajir`, `al-Ansar`). */
export const KNOWN_NISBAS: readonly string[] = ['muhajir', 'mouhajir', 'muhajer', 'ansar', 'amriki'];

/** Second elements of `X al-Din` compounds (Nur al-Din, Salah al-Din, Izz al-Din). */
export const DIN_WORDS: readonly string[] = ['din', 'deen', 'dine', 'dean', 'dien'];

/**
 * Second elements of other `X al-Y` compound given names (Sayf al-Islam, Zayn al-Abidin,
 * Nur al-Huda, Sayf al-Dawla), joined with the first element into one part.
 */
export const COMPOUND_SECONDS: readonly string[] = ['islam', 'abidin', 'abideen', 'abidine', 'haqq', 'haq', 'huda', 'dawla', 'dawlah', 'zaman'];

/** `Allah` as the second element of a compound (Nasr Allah, Abd Allah). */
export const ALLAH_WORDS: readonly string[] = ['allah', 'ullah', 'ollah', 'illah', 'ellah', 'alla', 'ulla', 'lah', 'llah'];

/**
 * Frequent Western spellings whose generic fold differs from the name's usual romanisation;
 * in each group the first is canonical (`foldToken` maps the others to it).
 */
export const WESTERN_VARIANTS: readonly (readonly string[])[] = [
  ['muhammad', 'mohammed', 'mohamed', 'muhammed', 'mohammad', 'mohamad', 'muhamed', 'mohd', 'mhd', 'mouhamed', 'mehmed'],
  ['ahmad', 'ahmed', 'ahmet'],
  ['mahmud', 'mahmood', 'mehmud'],
  ['yusuf', 'youssef', 'yousef', 'yusef', 'yousif', 'yusif', 'youcef', 'yousuf'],
  ['dawud', 'daoud', 'daud', 'dawood'],
  ['ayyub', 'ayub', 'ayoub', 'eyyub', 'eyup'],
  ['husayn', 'hussein', 'husain', 'hossein', 'hussain', 'husein', 'hüseyin'],
  ['umar', 'omar', 'omer', 'ömer'],
  ['uthman', 'osman', 'othman', 'usman'],
  ['sulayman', 'suleiman', 'sulaiman', 'suleyman', 'soliman', 'sliman'],
  ['mustafa', 'mustapha', 'moustapha', 'mostefa'],
  ['jamal', 'gamal', 'djamel'],
  ['jumaa', 'gomaa', 'juma', 'jumah'],
  ['jamil', 'gamil'],
  ['ragab', 'rajab'],
  ['naguib', 'najib'],
  ['hijazi', 'hegazy', 'hegazi'],
  ['khalil', 'khalel'],
  ['abbas', 'abas'],
  ['musa', 'moussa', 'moosa'],
  ['isa', 'issa', 'eissa'],
  ['ziyad', 'ziad'],
  ['riyad', 'riad'],
  ['yasin', 'yassin', 'yaseen', 'yacine'],
  ['ibrahim', 'ebrahim', 'brahim'],
  ['ismail', 'ismael', 'smail'],
  ['yahya', 'yehia', 'yahia'],
  ['zakariya', 'zakaria', 'zakariyya'],
  ['abdallah', 'abdullahi', 'abdellahi'],
];
