/**
 * Common first names in France, as data: the detector reads "first name + surname" as a person's name only when
 * the first word is one of these. Written for this project from the shape of the INSEE "Fichier des prénoms"
 * (open data, births 1900-2022): the most given names of each generation, plus common compound and foreign-origin
 * names. Lower case, without accents (the detector folds case and accents before looking). Names that are also
 * ordinary capitalised words in a testimony ("France", "Victoire", "Paris", "Aurore") are left out on purpose.
 *
 * Loaded lazily by the form (a chunk of its own, not part of the first paint); always used by the server.
 */
export const FIRST_NAMES = `
aaron abdel abdelkader abdallah abdoulaye abel abigail achille adam adele adeline adelaide adil adolphe adrien adriana
agathe agnes ahmed aicha aida alain alan alban albert albertine aldo alec alexandra alexandre alexandrine alexia alexis
alfred ali alice alicia aline alison alix amandine amaury amelie amina amine amir anais anatole andre andrea andree
ange angele angelique angelo anita anne anne-laure anne-marie anne-sophie annette annick annie anouk anthony antoine
antoinette antonin antonio apolline ariane arlette armand armelle arnaud arthur astrid audrey augustin aurelie aurelien
axel axelle aymeric aymen baptiste barbara basile bastien beatrice benedicte benjamin benoit bernadette bernard berthe
bertrand blandine boris brigitte bruno camille capucine carine carla carmen carole caroline catherine cecile cedric
celeste celine chantal charles charlie charline charlotte chloe christelle christian christiane christine christophe
claire clara clarisse claude claudette claudine claudia clement clementine clemence cloe colette coline constance corentin
corinne cyril cyrille daniel daniele danielle david deborah delphine denis denise didier dimitri dominique dorian
dorothee dylan edgar edith edmond edouard eliane elias elie elisa elisabeth elise ella elodie eloise elsa emeline emile
emilie emilien emma emmanuel emmanuelle enzo eric erwan estelle esther etienne eugene eugenie eva evan eve evelyne
fabien fabienne fabrice fanny fatima fatou felix fernand fernande florence florent florian francine francis francois
francoise franck frederic frederique gabin gabriel gabrielle gael gaelle gaetan gaston genevieve georges georgette
gerald gerard germain germaine ghislaine gilbert gilberte gilles ginette gisele gregoire gregory guillaume gustave guy
guylaine hamza hannah hector helene henri henriette herve hippolyte hugo hugues ibrahim ines ingrid irene isabelle
jacqueline jacques jade jean jean-baptiste jean-charles jean-claude jean-francois jean-jacques jean-louis jean-luc
jean-marc jean-marie jean-michel jean-paul jean-philippe jean-pierre jeanne jeannine jennifer jeremie jeremy jerome
jessica joel joelle johan johanna john jonathan jordan joseph josephine josette josiane jules julia julie julien
juliette justin justine karim karima karine kevin khadija killian laetitia lambert laura laure laurence laurent lea
lea leandre leila lena leo leon leonard leonie lila lilian liliane lina lisa lise loic lola lou louis louise luc luca
lucas lucie lucien lucienne lucile ludovic lydie madeleine maelle maeva magali malik manon marc marcel marcelle
margaux margot marguerite maria marianne marie marie-christine marie-claire marie-france marie-helene marie-louise
marie-therese marielle marine mario marion marius marthe martin martine mathias mathieu mathilde matheo mathis
matteo maud maurice max maxence maxime mehdi melanie melissa michel michele micheline mickael mohamed monique morgane
mounir muriel myriam nadia nadine nadege nael naima nathalie nathan nicolas nicole nina noah noe noel noemie nora
oceane odette odile olivia olivier oscar pascal pascale patrice patricia patrick paul paule paulette pauline perrine
philippe pierre pierre-yves quentin rachel rachid raphael raphaelle raymond raymonde regine regis remi renaud rene
renee richard robert roger roland romain romane rose-marie roxane sabine sabrina sacha salome samia samir samuel
sandra sandrine sarah sebastien serge severine simon simone solange solene sonia sophie stephane stephanie suzanne
sylvain sylvia sylvie tania tatiana theo theophile therese thibault thibaut thierry thomas timothee tom tristan
valentin valentine valerie vanessa veronique victor vincent virginie viviane vivien william xavier yann yannick
yasmine yassine yohan youssef yves yvette yvonne zoe zohra
`;

let parsed: ReadonlySet<string> | undefined;

/** The list as a set of folded names. */
export function firstNames(): ReadonlySet<string> {
  parsed ??= new Set(FIRST_NAMES.split(/\s+/).filter(Boolean));
  return parsed;
}
