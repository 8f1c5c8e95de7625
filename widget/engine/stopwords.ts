/**
 * Words that carry no topic in a visitor's message. They are dropped before stemming, on both the index and the
 * query side. Question words that change what is asked ("why", "where", "when", "who", "how", "long", "many") are
 * deliberately kept.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above actually again all also am an and any anyone anything are as at be been being below
  both but by can could did do does doing done each else even ever every few for from further get gets
  getting go goes going got had has have having he her here hers herself him himself his i if im in into is it
  its itself just kind kinda know let like lot lots may maybe me mean might mine more most much must my myself
  need no nor not now of off oh ok okay on once only or ought our ours ourselves out over own please
  pretty quite rather really say said she should so some something somebody someone sort such tell than that
  thats the their theirs them themselves then there these they thing things think this those though through to
  too um uh under until up us very want wanna was we well were what whats which while whom will with
  wonder wondering would yeah yes yet you your yours yourself yourselves hey hi hello thanks thank guess sure
  anyway basically literally honestly just currently gonna gotta`
    .split(/\s+/)
    .filter(Boolean),
)
