import type { Rng } from './random.js';

export type Gender = 'male' | 'female';

interface Group {
  male: readonly string[];
  female: readonly string[];
  surnames: readonly string[];
  /** State of origin → a few of its local government areas. */
  states: Readonly<Record<string, readonly string[]>>;
}

const YORUBA: Group = {
  male: ['ADEBAYO', 'OLUWASEUN', 'BABATUNDE', 'TUNDE', 'OLUWAFEMI', 'AYODELE', 'KAYODE', 'ADEWALE', 'DAMILOLA', 'SEGUN', 'ABIODUN', 'OLAMIDE'],
  female: ['FOLAKE', 'ADEOLA', 'TITILAYO', 'OLUWAKEMI', 'BUKOLA', 'YETUNDE', 'MOTUNRAYO', 'TEMITOPE', 'ABISOLA', 'ADUNNI', 'FUNMILAYO', 'OMOLARA'],
  surnames: ['ADEYEMI', 'OGUNLEYE', 'BAKARE', 'ADEBAYO', 'OLAWALE', 'AKINTOLA', 'OYELARAN', 'FASHOLA', 'ODUYA', 'ADEBISI', 'OKUNOLA', 'ALABI', 'BANJO', 'OLANIYAN'],
  states: {
    'Lagos State': ['Ikeja', 'Epe', 'Badagry', 'Ikorodu'],
    'Oyo State': ['Ibadan North', 'Ogbomosho North', 'Oyo East'],
    'Ogun State': ['Abeokuta South', 'Ijebu Ode', 'Sagamu'],
    'Osun State': ['Osogbo', 'Ife Central', 'Ilesa East'],
    'Ondo State': ['Akure South', 'Owo', 'Ondo West'],
    'Ekiti State': ['Ado Ekiti', 'Ikere', 'Ijero'],
  },
};

const IGBO: Group = {
  male: ['CHINEDU', 'EMEKA', 'OBINNA', 'IKECHUKWU', 'CHUKWUEMEKA', 'UCHENNA', 'NNAMDI', 'KELECHI', 'CHIDI', 'EBUKA', 'IFEANYI', 'TOCHUKWU'],
  female: ['CHIAMAKA', 'NGOZI', 'ADAEZE', 'CHIOMA', 'NKECHI', 'AMARACHI', 'IFEOMA', 'UCHE', 'OBIAGELI', 'CHINONSO', 'EZINNE', 'ONYINYE'],
  surnames: ['OKAFOR', 'NWOSU', 'EZE', 'OKONKWO', 'OBI', 'NWANKWO', 'ANYANWU', 'OKEKE', 'UCHE', 'IBE', 'NWACHUKWU', 'ONYEKACHI', 'EZEANI', 'AGU'],
  states: {
    'Anambra State': ['Awka South', 'Onitsha North', 'Nnewi North'],
    'Enugu State': ['Enugu North', 'Nsukka', 'Udi'],
    'Imo State': ['Owerri Municipal', 'Okigwe', 'Orlu'],
    'Abia State': ['Aba North', 'Umuahia South', 'Ohafia'],
    'Ebonyi State': ['Abakaliki', 'Afikpo North'],
  },
};

const HAUSA: Group = {
  male: ['MUHAMMAD', 'ABUBAKAR', 'IBRAHIM', 'SANI', 'USMAN', 'ALIYU', 'YUSUF', 'BASHIR', 'SULEIMAN', 'NASIR', 'AMINU', 'KABIRU'],
  female: ['AISHA', 'FATIMA', 'ZAINAB', 'HAUWA', 'MARYAM', 'HADIZA', 'AMINA', 'BILKISU', 'SAFIYA', 'RUKAYYA', 'HALIMA', 'ZULAIHA'],
  surnames: ['BELLO', 'ABDULLAHI', 'MUSA', 'IBRAHIM', 'DANJUMA', 'GARBA', 'SULEIMAN', 'USMAN', 'LAWAL', 'YAKUBU', 'SHEHU', 'ALIYU', 'TANKO', 'BALARABE'],
  states: {
    'Kano State': ['Nassarawa', 'Fagge', 'Dala', 'Gwale'],
    'Kaduna State': ['Kaduna North', 'Zaria', 'Kaura'],
    'Katsina State': ['Katsina', 'Daura', 'Funtua'],
    'Sokoto State': ['Sokoto North', 'Wamako'],
    'Bauchi State': ['Bauchi', 'Azare'],
  },
};

const GROUPS = [YORUBA, IGBO, HAUSA];

export const STREETS = [
  '14 Adeniyi Jones Avenue, Ikeja, Lagos',
  '7 Admiralty Way, Lekki Phase 1, Lagos',
  '23 Allen Avenue, Ikeja, Lagos',
  '5 Awolowo Road, Ikoyi, Lagos',
  '31 Herbert Macaulay Way, Yaba, Lagos',
  '12 Aminu Kano Crescent, Wuse II, Abuja',
  '48 Gimbiya Street, Area 11, Garki, Abuja',
  '9 Ring Road, Ibadan, Oyo',
  '16 Zik Avenue, Uwani, Enugu',
  '3 Ahmadu Bello Way, Kaduna',
  '22 Zoo Road, Kano',
  '10 Aba Road, Port Harcourt, Rivers',
  '41 Wetheral Road, Owerri, Imo',
  '6 Oba Akran Avenue, Ikeja, Lagos',
];

export const CITIES = ['IKEJA', 'LEKKI', 'YABA', 'SURULERE', 'VI', 'WUSE', 'GARKI', 'IBADAN', 'ENUGU', 'KANO', 'PH', 'ABEOKUTA'];

export const EMPLOYERS = [
  'PAYSTACK PAYMENTS LTD',
  'FLUTTERWAVE TECHNOLOGY SOLUTIONS LTD',
  'DANGOTE INDUSTRIES LTD',
  'MTN NIGERIA COMMUNICATIONS PLC',
  'NIGERIAN BREWERIES PLC',
  'ANDELA NIGERIA LTD',
  'INTERSWITCH LTD',
  'NESTLE NIGERIA PLC',
  'SEPLAT ENERGY PLC',
  'LAGOS STATE GOVERNMENT',
  'FEDERAL GOVT IPPIS',
  'CHAPEL HILL DENHAM ADVISORY',
  'ARIK AIR LTD',
  'KPMG PROFESSIONAL SERVICES',
];

export const REMOTE_EMPLOYERS = ['DEEL INC', 'REMOTE TECHNOLOGY INC', 'OYSTER HR INC', 'TOPTAL LLC'];

export const COMPANIES = [
  'ADEBAYO & SONS LOGISTICS LTD',
  'EZE BROTHERS TRADING CO',
  'KANO AGRO ALLIED VENTURES',
  'LAGOS FRESH FOODS LTD',
  'OKONKWO PHARMACY LTD',
  'SAHEL SOLAR ENERGY LTD',
  'BLUE HORIZON PRINTS',
  'IBADAN TEXTILE HUB',
  'NWOSU BUILDING MATERIALS',
  'ARIYO CATERING SERVICES',
];

export interface Person {
  firstName: string;
  middleName: string;
  lastName: string;
  gender: Gender;
  stateOfOrigin: string;
  lgaOfOrigin: string;
}

export function makePerson(rng: Rng): Person {
  const group = rng.pick(GROUPS);
  const gender: Gender = rng.chance(0.5) ? 'male' : 'female';
  const given = gender === 'male' ? group.male : group.female;
  const firstName = rng.pick(given);
  let middleName = rng.pick(given);
  if (middleName === firstName) middleName = given[(given.indexOf(firstName) + 1) % given.length];
  const stateOfOrigin = rng.pick(Object.keys(group.states));
  return {
    firstName,
    middleName,
    lastName: rng.pick(group.surnames),
    gender,
    stateOfOrigin,
    lgaOfOrigin: rng.pick(group.states[stateOfOrigin]),
  };
}

export function fullName(person: Person): string {
  return `${person.firstName} ${person.middleName} ${person.lastName}`;
}

/** A short name as it appears in a transfer narration ("EMEKA NWOSU"). */
export function narrationName(person: Person): string {
  return `${person.firstName} ${person.lastName}`;
}

export const NETWORKS = {
  MTN: ['0803', '0806', '0703', '0706', '0813', '0816', '0810', '0814', '0903', '0906', '0913'],
  GLO: ['0805', '0807', '0705', '0815', '0811', '0905'],
  AIRTEL: ['0802', '0808', '0708', '0812', '0701', '0902', '0901', '0907', '0912'],
  '9MOBILE': ['0809', '0818', '0817', '0909', '0908'],
} as const;

export type Network = keyof typeof NETWORKS;
export const NETWORK_NAMES = Object.keys(NETWORKS) as Network[];

export function makePhone(rng: Rng, network: Network): string {
  return rng.pick(NETWORKS[network]) + rng.digits(7);
}
