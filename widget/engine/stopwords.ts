/**
 * Words that carry nothing a question could turn on: articles, pronouns, forms of "be", fillers and greetings.
 * They are dropped before stemming, on both the index and the query side. Words that change what is asked stay,
 * even common ones ("will it hurt", "how is it done", "who should get it", "what's in it", "after"): rarity
 * weighting already makes a common word count for little, and dropping it would make different questions equal.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a an the is are am was were be been being i im me my mine myself you your yours yourself yourselves it its
  itself they them their theirs themselves we us our ours ourselves he she him her his hers himself herself
  this that these those there here and or but so if then than of to at by as just really very quite pretty
  rather please hi hello hey thanks thank oh ok okay um uh hmm yeah yes like kind kinda sort know think guess
  wonder wondering actually basically literally honestly anyway currently sure also even some any
  anyone anything someone something somebody thing things lot lots much what which whats wats wat wut whut
  thats dont doesnt didnt isnt arent wasnt werent havent hasnt ive youre theyre u ur r ya pls plz thx abt
  bc cuz coz wanna gonna gotta gimme lemme let same lol lols haha hahaha hehe lmao omg btw tbh idk imo fyi ty tia
  had has have having bit ppl exactly completely totally already almost every still ever always usually
  generally apparently probably possibly definitely certainly simply truly true stuff etc anyways whatever`
    .split(/\s+/)
    .filter(Boolean),
)
