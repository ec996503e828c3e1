// The core tests' calendar, in the dealer's zone (Europe/Rome, +01:00): the week of
// Monday 2027-03-01, and the Friday-to-Sunday before it (FRI0, SAT0, SUN0).
export const FRI0 = "2027-02-26";
export const SAT0 = "2027-02-27";
export const SUN0 = "2027-02-28";
export const MON = "2027-03-01";
export const TUE = "2027-03-02";
export const WED = "2027-03-03";
export const THU = "2027-03-04";
export const FRI = "2027-03-05";
export const SAT = "2027-03-06";
export const SUN = "2027-03-07";
