/**
 * Name-part distributions for synthetic Arabic-style names: isms (given names), kunya stems,
 * nisbas (origin / tribe), laqabs (epithets), organization name parts; each with the
 * transliteration variants that occur in Latin-script sources. Lists are ordered roughly by
 * frequency and drawn Zipf-like, so common names collide as they do in real archives.
 */
import type { Rng } from './prng.js';

/** Given names; the first spelling is the canonical one, the rest are transliteration variants. */
export const ISMS: readonly (readonly string[])[] = [
  ['Muhammad', 'Mohammed', 'Mohamed', 'Muhammed'], ['Ahmad', 'Ahmed'], ['Abd al-Rahman', 'Abdurrahman', 'Abdul Rahman', 'Abd ar-Rahman'],
  ['Ali'], ['Umar', 'Omar'], ['Abdullah', 'Abd Allah', 'Abdallah'], ['Husayn', 'Hussein', 'Husain'], ['Hasan', 'Hassan'], ['Khalid', 'Khaled'],
  ['Ibrahim', 'Ebrahim'], ['Yusuf', 'Youssef', 'Yousef'], ['Mustafa', 'Mostafa'], ['Mahmud', 'Mahmoud'], ['Said', 'Saeed', "Sa'id"],
  ['Salim', 'Salem'], ['Abd al-Aziz', 'Abdulaziz', 'Abdel Aziz'], ['Uthman', 'Othman', 'Osman'], ['Hamza', 'Hamzah'], ['Usama', 'Osama'],
  ['Tariq', 'Tarek', 'Tareq'], ['Sulayman', 'Suleiman', 'Sulaiman'], ['Jamal', 'Gamal'], ['Nasir', 'Nasser'], ['Faysal', 'Faisal'],
  ['Walid', 'Waleed'], ['Abd al-Karim', 'Abdul Karim', 'Abdelkarim'], ['Abd al-Qadir', 'Abdelkader', 'Abdul Qadir'], ['Hamid', 'Hamed'],
  ['Ayman', 'Aiman'], ['Musab', "Mus'ab"], ['Bakr'], ['Anas'], ['Bilal'], ['Fadil', 'Fadel'], ['Ghazi'], ['Habib'], ['Idris', 'Idriss'],
  ['Ismail', 'Ismael', "Isma'il"], ['Jafar', "Ja'far"], ['Karim', 'Kareem'], ['Majid', 'Maged'], ['Marwan'], ['Munir', 'Mounir'], ['Nabil'],
  ['Qasim', 'Qassem', 'Kassem'], ['Rashid', 'Rashed'], ['Riyad', 'Riad'], ['Sami', 'Samy'], ['Shakir', 'Shaker'], ['Talal'], ['Wasim', 'Wassim'],
  ['Yahya'], ['Yasin', 'Yassin', 'Yaseen'], ['Zakariya', 'Zakaria'], ['Ziyad', 'Ziad'], ['Abd al-Munim', 'Abdul Munim', 'Abdel Moneim'],
  ['Hudhayfa', 'Huthaifa'], ['Abd al-Hamid', 'Abdelhamid'], ['Harun', 'Haroun'], ['Ammar'], ['Adnan'], ['Iyad', 'Eyad'], ['Kamal'], ['Safwan'],
  ['Muadh', 'Muaz', "Mu'adh"], ['Thamir', 'Thamer'], ['Abd al-Latif', 'Abdul Latif'], ['Akram'], ['Amir', 'Ameer'], ['Arif', 'Aref'],
  ['Ashraf'], ['Atiya', 'Atiyah', 'Atiyya'], ['Badr'], ['Basil', 'Basel'], ['Dawud', 'Daoud', 'Dawood'], ['Fawwaz', 'Fawaz'], ['Haytham', 'Haitham'],
  ['Hisham', 'Hesham'], ['Imad', 'Emad'], ['Jabir', 'Jaber'], ['Khalil'], ['Luay', "Lu'ay"], ['Mansur', 'Mansour'], ['Misfir'], ['Muhannad'],
  ['Nizar'], ['Qays', 'Qais'], ['Radwan', 'Ridwan'], ['Saad', "Sa'd"], ['Sharif', 'Sherif'], ['Sufyan', 'Sofian'], ['Taha'], ['Wail', "Wa'il"],
  ['Yaqub', "Ya'qub", 'Yacoub'], ['Zayd', 'Zaid'], ['Abd al-Salam', 'Abdul Salam', 'Abdessalam'], ['Abd al-Wahhab', 'Abdul Wahab'],
  ['Abd al-Jabbar', 'Abdul Jabbar'], ['Abd al-Ghani', 'Abdelghani'], ['Mundhir', 'Munther'], ['Nuri', 'Nouri'], ['Abd al-Nasir', 'Abdel Nasser'],
];

/** Kunya stems: the name after Abu (often a prophet's companion or an early hero). */
export const KUNYA_STEMS: readonly (readonly string[])[] = [
  ['Muhammad', 'Mohammed'], ['Abdullah', 'Abdallah'], ['Umar', 'Omar'], ['Bakr'], ['Musab', "Mus'ab"], ['Hamza'], ['Ali'], ['Yusuf', 'Yousef'],
  ['Khalid', 'Khaled'], ['Ubayda', 'Obeida', 'Ubaidah'], ['Hafs'], ['Muhammad al-Adnani'], ['Sulayman', 'Suleiman'], ['Ayyub', 'Ayoub'],
  ['Anas'], ['Qatada', 'Qatadah'], ['Hudhayfa', 'Huthaifa'], ['Talha', 'Talhah'], ['Zubayr', 'Zubair'], ['Usama', 'Osama'], ['Maria', 'Mariya'],
  ['Jandal'], ['Dujana', 'Dujanah'], ['Hurayra', 'Huraira'], ['Muadh', 'Muaz'], ['Ahmad', 'Ahmed'], ['Luqman'], ['Hasan', 'Hassan'],
  ['Husayn', 'Hussein'], ['Abd al-Rahman', 'Abdurrahman'], ['Salih', 'Saleh'], ['Ibrahim'], ['Yahya'], ['Jafar', "Ja'far"], ['Uthman', 'Othman'],
  ['Sufyan'], ['Asim', 'Assem'], ['Khattab'], ['Walid', 'Waleed'], ['Said', 'Saeed'], ['Ammar'], ['Mansur', 'Mansour'], ['Qasim', 'Qassem'],
  ['Layth', 'Laith'], ['Firas'], ['Iyad', 'Eyad'], ['Harith', 'Hareth'], ['Bara', "Bara'"], ['Nur', 'Nour'], ['Wahib', 'Waheeb'],
];

/** Nisbas of origin (place) and of tribe/family; variants as they occur in the press. */
export const NISBAS: readonly (readonly string[])[] = [
  ['al-Iraqi'], ['al-Baghdadi'], ['al-Shami'], ['al-Masri', 'al-Misri'], ['al-Suri'], ['al-Libi'], ['al-Anbari'], ['al-Mawsili', 'al-Mosuli'],
  ['al-Urduni', 'al-Ordoni'], ['al-Zarqawi'], ['al-Halabi'], ['al-Tunisi'], ['al-Filistini', 'al-Falastini'], ['al-Yamani', 'al-Yemeni'],
  ['al-Jazrawi'], ['al-Kuwaiti'], ['al-Tikriti'], ['al-Fallujawi'], ['al-Ramadi'], ['al-Dayri'], ['al-Raqqawi'], ['al-Idlibi'], ['al-Homsi'],
  ['al-Hamawi'], ['al-Darawi'], ['al-Basri'], ['al-Kirkuki'], ['al-Diyali'], ['al-Maqdisi'], ['al-Maghribi'], ['al-Jazairi'], ['al-Sudani'],
  ['al-Sumali'], ['al-Khurasani'], ['al-Qurashi'], ['al-Hashimi'], ['al-Ansari'], ['al-Muhajir'], ['al-Dulaymi', 'al-Dulaimi'],
  ['al-Juburi', 'al-Jubouri'], ['al-Ubaydi', 'al-Obeidi'], ['al-Tamimi'], ['al-Shammari'], ['al-Zubaydi', 'al-Zubaidi'], ['al-Qahtani'],
  ['al-Harbi'], ['al-Utaybi', 'al-Otaibi'], ['al-Shahri'], ['al-Ghamdi'], ['al-Zahrani'], ['al-Khalayleh', 'al-Khalaylah'], ['al-Qaduli'],
  ['al-Badri'], ['al-Samarrai', "al-Samarra'i"], ['al-Bilawi'], ['al-Afri'], ['al-Turkmani'], ['al-Kurdi'], ['al-Shishani'], ['al-Uzbeki'],
  ['al-Amriki'], ['al-Britani'], ['al-Faransi'], ['al-Almani'], ['al-Australi'], ['al-Hindi'], ['al-Pakistani'], ['al-Afghani'],
  ['al-Najdi'], ['al-Hijazi'], ['al-Adnani'], ['al-Jawlani', 'al-Julani', 'al-Golani'], ['al-Zawahiri'], ['al-Rifai', "al-Rifa'i"],
  ['al-Athari'], ['al-Muhandis'], ['al-Nuaymi', 'al-Nuaimi'], ['al-Kubaysi', 'al-Kubaisi'], ['al-Janabi'], ['al-Mashhadani'], ['al-Karbuli'],
  ['al-Salmani'], ['al-Hiti'], ['al-Rawi'], ['al-Ani'], ['al-Qaysi', 'al-Qaisi'], ['al-Sabawi'], ['al-Duri', 'al-Douri'],
];

/** Epithets: a template with `{ism}` or a fixed title. */
export const LAQABS: readonly string[] = [
  'Haji {ism}', '{ism} al-Kabir', '{ism} al-Saghir', 'al-Muhandis', 'al-Tabib', 'al-Askari', 'al-Qaid', 'al-Faruq', 'al-Asad', 'Dhu al-Fiqar',
  'Shaykh {ism}', 'al-Amir {ism}', '{ism} al-Aswad', '{ism} al-Ahmar', 'al-Sayf', 'Ustadh {ism}', 'Mullah {ism}', 'Haji Abu {ism}',
];

/** Cover names used in letters. */
export const PSEUDONYMS: readonly string[] = ['Karim', 'Mahmud', 'Jabir', 'Ubayd', 'Tawfiq', 'Zamzam', 'Najm', 'Hilal', 'Sahir', 'Ra\'d', 'Barq', 'Shihab'];

export const ORG_PREFIXES: readonly (readonly [string, string])[] = [
  ['Jamaat', 'Group'], ['Jabhat', 'Front'], ['Jaysh', 'Army'], ['Ansar', 'Supporters of'], ['Liwa', 'Brigade'], ['Kataib', 'Battalions'],
  ['Harakat', 'Movement'], ['Majlis Shura', 'Consultative Council'], ['Tanzim', 'Organization'], ['Saraya', 'Companies'], ['Alwiya', 'Brigades'],
  ['Junud', 'Soldiers'], ['Dawlat', 'State'], ['Hizb', 'Party'], ['Faylaq', 'Legion'], ['Usbat', 'League'],
];
export const ORG_CORES: readonly (readonly [string, string])[] = [
  ['al-Tawhid', 'Monotheism'], ['al-Jihad', 'Jihad'], ['al-Sunna', 'the Sunna'], ['al-Islam', 'Islam'], ['al-Haqq', 'Truth'],
  ['al-Furqan', 'the Criterion'], ['al-Mujahidin', 'the Mujahidin'], ['al-Fath', 'Conquest'], ['al-Nusra', 'Support'], ['al-Rashidin', 'the Rightly Guided'],
  ['al-Khilafa', 'the Caliphate'], ['al-Umma', 'the Community'], ['al-Ansar', 'the Helpers'], ['al-Muhajirin', 'the Emigrants'], ['al-Iman', 'Faith'],
  ['al-Tawhid wal-Jihad', 'Monotheism and Jihad'], ['al-Ribat', 'the Frontier'], ['al-Izza', 'Glory'], ['al-Sahaba', 'the Companions'],
  ['Ahl al-Athar', 'the People of Tradition'], ['al-Qisas', 'Retribution'], ['al-Rayat al-Sud', 'the Black Banners'], ['al-Mahdi', 'the Mahdi'],
  ['al-Hijra', 'Emigration'], ['al-Nasr', 'Victory'], ['al-Thabat', 'Steadfastness'], ['al-Tamkin', 'Consolidation'], ['al-Wafa', 'Loyalty'],
];
export const ORG_REGIONS: readonly (readonly [string, string])[] = [
  ['', ''], ['fi Bilad al-Rafidayn', 'in the Land of the Two Rivers'], ['fi Bilad al-Sham', 'in the Levant'], ['fi al-Iraq', 'in Iraq'],
  ['fi Jazirat al-Arab', 'in the Arabian Peninsula'], ['fi Bilad al-Maghrib', 'in the Islamic Maghreb'], ['fi Khurasan', 'in Khurasan'],
  ['al-Iraqi', 'of Iraq'], ['al-Shami', 'of the Levant'], ['fi Misr', 'in Egypt'], ['fi Libya', 'in Libya'], ['fi al-Yaman', 'in Yemen'],
  ['fi Sina', 'in Sinai'], ['fi al-Sumal', 'in Somalia'], ['fi Gharb Ifriqiya', 'in West Africa'], ['fi Halab', 'in Aleppo'], ['fi Idlib', 'in Idlib'],
  ['fi Dayr al-Zur', 'in Deir ez-Zor'], ['fi Diyala', 'in Diyala'], ['fi al-Anbar', 'in Anbar'], ['fi Ninawa', 'in Nineveh'], ['fi Kirkuk', 'in Kirkuk'],
  ['fi Salah al-Din', 'in Salahuddin'], ['fi Dimashq', 'in Damascus'], ['fi Homs', 'in Homs'], ['fi Dara', 'in Daraa'], ['fi Lubnan', 'in Lebanon'],
  ['fi Filastin', 'in Palestine'], ['fi al-Urdun', 'in Jordan'], ['fi Tunis', 'in Tunisia'], ['fi al-Jazair', 'in Algeria'], ['fi Mali', 'in Mali'],
];

export const PLACES: readonly string[] = [
  'Baghdad', 'Mosul', 'Falluja', 'Ramadi', 'Tikrit', 'Samarra', 'Baquba', 'Kirkuk', 'Basra', 'Haditha', 'Qaim', 'Tal Afar', 'Hit', 'Rawa', 'Ana',
  'Raqqa', 'Aleppo', 'Idlib', 'Deir ez-Zor', 'Homs', 'Hama', 'Daraa', 'Damascus', 'Palmyra', 'Manbij', 'al-Bab', 'Jarabulus', 'Tabqa', 'Bukamal',
  'Zarqa', 'Amman', 'Salt', 'Irbid', 'Maan', 'Peshawar', 'Kandahar', 'Herat', 'Kabul', 'Jalalabad', 'Khost', 'Waziristan', 'Sanaa', 'Aden',
  'Mukalla', 'Sirte', 'Derna', 'Benghazi', 'Tripoli', 'Sinai', 'Arish', 'Rafah', 'Mogadishu', 'Kismayo', 'Timbuktu', 'Gao', 'Maiduguri',
];

const DEFAULT_VARIANT = 0.2;

/** A part's spelling: the canonical one mostly, a variant sometimes. */
export function spell(rng: Rng, part: readonly string[], variantShare = DEFAULT_VARIANT): string {
  if (part.length > 1 && rng.chance(variantShare)) return part[rng.int(1, part.length - 1)]!;
  return part[0]!;
}

/** Every other spelling of a name, swapping one known part for a variant. */
export function respell(rng: Rng, name: string): string {
  const tables = [ISMS, KUNYA_STEMS, NISBAS];
  const options: [string, string][] = [];
  for (const table of tables) {
    for (const part of table) {
      if (part.length < 2) continue;
      for (const form of part) if (name.includes(form)) for (const other of part) if (other !== form) options.push([form, other]);
    }
  }
  if (options.length === 0) return name;
  const [from, to] = rng.pick(options);
  return name.replace(from, to);
}

/** A query as a user might type it: another spelling, a dropped article, a typo, or lower case. */
export function noisyQuery(rng: Rng, name: string): string {
  let q = name;
  if (rng.chance(0.5)) q = respell(rng, q);
  if (rng.chance(0.3)) q = q.replace(/\bal-/g, rng.chance(0.5) ? 'al ' : 'el-');
  if (rng.chance(0.3) && q.length > 5) {
    const i = rng.int(1, q.length - 2);
    q = q.slice(0, i) + q.slice(i + 1);
  }
  if (rng.chance(0.3)) q = q.toLowerCase();
  return q;
}
