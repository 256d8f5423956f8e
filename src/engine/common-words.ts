/**
 * Very frequent English words. The prefilter files patterns under their rarest
 * required words; a word from this list says little about whether a pattern can match.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `the a an i we you it is are was were to of and in on for that this not will have be my our your do can would
  should has had me us they so but just as at with if no there what all been am does did by from or one about
  out up get got back know let more now any once time before day today how when where which who why yes some
  look see make take give go going come need want please thanks thank help like well also very really still
  here them their then than its into over only other new good great sure right way order account email message
  team us soon again first last next hope what whatever while though`.split(/\s+/),
);

/** Lower is rarer: common words cost a lot, and among the rest longer words win. */
export function wordCost(word: string): number {
  return (COMMON_WORDS.has(word) ? 100 : 0) - Math.min(word.length, 12);
}
