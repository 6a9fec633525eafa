"""Word lists the rules lean on: titles, roles, speech cues, organisation and place words.

Kept in one place so a rule change is a list change, and so the evaluation can
show what each list buys.
"""

from __future__ import annotations

SPACY_TYPES = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}

# Words before a name that make it a person and are not part of the name.
PERSON_TITLES = frozenset(
    """
mr mrs ms miss dr prof professor sir dame lord lady mayor councillor councilor alderman minister
president senator sen rep representative governor gov judge justice general gen colonel col captain capt
lieutenant sergeant sgt inspector detective officer chief director chancellor commissioner ambassador
secretary premier king queen prince princess pope rabbi imam father sister brother bishop archbishop
coach chairman chairwoman chair spokesman spokeswoman spokesperson
marshal admiral adm commander cmdr brigadier brig corporal cpl lt maj commodore pvt
pres reps sens gens supt insp det fr hon amb atty ald cllr
caliph emir sheikh shaykh ayatollah mullah sultan emperor empress
""".split()
)

# Role nouns that name a person by function ("the spokesperson said").
ROLE_NOUNS = frozenset(
    """
spokesperson spokesman spokeswoman minister mayor director executive ceo chairman chairwoman chair president
councillor councilor researcher resident analyst official governor secretary ambassador judge prosecutor
lawyer attorney professor chief head manager founder coach captain commissioner inspector officer general
senator governor premier chancellor economist scientist engineer doctor nurse teacher student leader
deputy adviser advisor aide negotiator envoy regulator auditor investigator detective host presenter
columnist editor reporter owner worker farmer mother father witness victim spokeswoman treasurer
superintendent administrator organiser organizer activist campaigner lecturer surgeon physician
agent advocate spokesman solicitor barrister counsel
""".split()
)

# Kin and occupations that make the name right after them a person's ("singer Ally Brooke",
# "his wife, Kimberly,") but, unlike ROLE_NOUNS, are no title: kept out of TITLE_WORDS, a name
# may hold them ("Bryan Singer", "Tom Player").
# Kin known through another ('his wife', 'Cirillo's aunt'); mother, father, brother and sister are
# titles as well (PERSON_TITLES).
KIN_NOUNS = frozenset(
    """
wife husband son daughter girlfriend boyfriend fiance fiancé fiancee fiancée widow widower uncle aunt
nephew niece cousin grandson granddaughter grandmother grandfather stepson stepdaughter
""".split()
)
PERSON_NOUNS = KIN_NOUNS | frozenset(
    """
singer actor actress rapper musician songwriter guitarist drummer artist author novelist poet comedian
comedienne filmmaker dancer athlete boxer golfer striker goalkeeper quarterback pitcher linebacker
journalist blogger photographer correspondent commentator pundit
""".split()
)

# Words a scraped span may start with that are never part of the name ("Hi Maya", "About Corvane").
LEADING_NOISE = frozenset("the a an hi hello dear about every thanks good all our your".split())
NAME_PARTICLES = frozenset("van der den de la del da dos das di du le von al el bin bint ibn ould ní ó mac y".split())
TITLE_WORDS = (
    PERSON_TITLES
    | ROLE_NOUNS
    | frozenset(
        "chief executive medical deputy senior vice prime foreign finance interior health justice defence defense "
        "managing technical operating financial acting interim former state city air field rear staff "
        "grand crown".split()
    )
)

ORG_ROLE_NOUNS = frozenset(
    """
company firm ministry authority government department agency council union group bank regulator
court police party centre center commission committee office board club hospital university utility
vendor operator airline manufacturer statement collective trust team club organisation organization
foundation institute coalition network network
""".split()
)

# Last words that make a name an organisation.
ORG_WORDS = frozenset(
    """
authority systems system centre center ministry council union bank group corp corporation inc ltd llc plc
company co agency commission committee collective party alliance association institute initiative university college
court police labs lab wire news herald times post courier standard review gazette journal telegraph
tribune chronicle radio tv television press media network foundation fund trust society league federation
board office department service services industries holdings partners capital airlines airways motors
energy technologies solutions group organisation organization parliament assembly congress senate
cabinet army navy force forces guard club fc united hospital clinic school academy laboratory laboratories
analytics pharma pharmaceuticals logistics shipping insurance mining steel telecom electric power semitech
tech technology watch directorate inspectorate secretariat commission tribunal prosecutors bureau
consulting consultancy consultants pictures studios records entertainment productions communications
broadcasting ventures images publishers publishing magazine channel shimbun sinmun ilbo
""".split()
)
# Last words that make a whole name a body's ('Amnesty International'), though a run of capitalised
# words does not end at them ('School of Advanced International Studies')
ORG_LAST_WORDS = ORG_WORDS | frozenset(("international",))

# Legal-form words anywhere in a name make it a company.
LEGAL_FORMS = frozenset(
    """
n.v. nv b.v. bv s.a. sa c.v. s.a.s. gmbh ag ltd ltd. plc inc inc. llc co. corp. pty s.p.a. spa k.k. oy ab as a/s se
""".split()
)
CLUB_PREFIXES = frozenset("atlético atletico real fc cf sc ac as sporting dynamo inter".split())

ORG_FIRST_WORDS = frozenset(
    "ministry department bank university institute office court council board radio diario "
    # Arabic words opening an armed or political body's name: 'Ansar al-Deen', 'Jabhat al-Nusra', 'Jaish al-Islam'
    "ansar jabhat jaish harakat hizb liwa katibat tanzim".split()
)
# Arabic nouns that, after the article, name a body rather than a family: 'Al Qaeda' (the base),
# 'al-Shabab' (the youth), 'Al Arabiya', 'Al Jazeera', 'al-Nusra', 'Al-Ahram', 'Amaq'
ARTICLE_BODY_WORDS = frozenset(
    "qaeda qaida shabab shabaab arabiya jazeera nusra aqsa ahram akhbar quds hayat mayadeen manar "
    "furqan amaq a’amaq a'amaq sharq ittihad wafd watan masry".split()
)

# Last words that make a name a place.
PLACE_WORDS = frozenset(
    """
street road avenue square bay river lake island islands mountain mountains valley province region district
county state city town village port harbour harbor airport station bridge park coast sea ocean gulf
peninsula desert forest heights hills beach works plant square archipelago
""".split()
)

SPEECH_VERBS = frozenset(
    """
say tell add state claim insist warn note explain argue write ask reply respond answer announce
confirm deny admit acknowledge declare describe call suggest predict promise vow urge caution stress
emphasise emphasize recall complain concede continue quip joke shout whisper mutter observe
remark comment estimate conclude maintain reiterate acknowledge allege assert report testify
""".split()
)

QUOTE_INTRODUCERS = ("according to",)

PRONOUNS_PERSON = frozenset("he she him her i we".split())
PRONOUNS_GROUP = frozenset("they".split())
# never a subject, though the parser may read one as such: 'set up by his family to help find him said'
OBJECT_PRONOUNS = frozenset(("him", "her", "them", "me", "us", "whom"))
# subjects whose verb of saying quotes no one: 'nothing says success quite like “Koch brothers.”'
NO_ONE_PRONOUNS = frozenset(("nothing", "nobody", "none", "something", "anything", "everything"))

# Peoples named by origin, ethnicity or faith, in the singular and folded: groups, though the
# small model reads some ("Latinos") as organisations. Their plurals are found by the caller.
PEOPLES = frozenset(
    """
latino latina latinx hispanic chicano chicana mestizo hmong sikh hindu muslim jew
christian catholic protestant evangelical mormon amish druze kurd yazidi sunni shia shiite alawite pashtun
tamil uighur uyghur rohingya maori aborigine
""".split()
)

# Spelling variants of the same place or body that news writes interchangeably.
KNOWN_VARIANT_TYPES = {
    "United States": "place",
    "United Kingdom": "place",
    "European Union": "organisation",
    "United Nations": "organisation",
    "United Arab Emirates": "place",
    "District of Columbia": "place",
    "World Health Organization": "organisation",
    "North Atlantic Treaty Organization": "organisation",
}
KNOWN_VARIANTS = (
    ("United States", "U.S.", "US", "USA", "U.S.A.", "America", "United States of America"),
    ("United Kingdom", "U.K.", "UK", "Britain", "Great Britain"),
    ("European Union", "EU", "E.U."),
    ("United Nations", "UN", "U.N."),
    ("United Arab Emirates", "UAE", "U.A.E."),
    # the city as news names it: 'D.C.' in one source, 'Washington D.C.' in another (a bare
    # 'Washington' may be the state, or George Washington, and stays apart)
    ("District of Columbia", "D.C.", "Washington D.C."),
    ("World Health Organization", "WHO"),
    ("North Atlantic Treaty Organization", "NATO"),
)

# More verbs that introduce a direct quote in news ("Trump tweeted", "she lamented").
QUOTE_VERBS = SPEECH_VERBS | frozenset(
    """
tweet post exclaim fume lament assure implore plead beg boast brag counter retort scoff snap quip
muse marvel gush rave rail rant chide scold lash blast slam mock taunt thank praise charge accuse
proclaim pledge point contend opine concur affirm reaffirm recount recite read
sigh laugh cry yell scream shout bark grumble grouse gripe fret demand
inquire enquire protest interject tout hail chant beam echo order command instruct
""".split()
)

# Given names that tell a person's gender, for agreeing "he" and "she" with an earlier name.
FEMALE_NAMES = frozenset(
    """
hillary chelsea melania ivanka tiffany michelle nancy elizabeth kellyanne huma donna debbie megyn
sarah sara carly nikki condoleezza madeleine susan susana jill janet loretta hope katrina kayleigh
amy kirsten tammy dianne barbara laura karen maria mary patricia jennifer linda lisa margaret
dorothy betty helen sandra ashley kimberly emily anna ann anne jane joan judy julie julia kathy
katherine catherine kate kelly rachel rebecca ruth sharon shirley stephanie teresa theresa virginia
victoria wendy alice andrea angela christine cynthia deborah diane elaine ellen emma evelyn grace
heather irene jacqueline jessica joyce judith kristen lauren lucy marie martha megan melissa
monica nicole pamela paula rose samantha sophia valerie zoe claire clare fiona harriet ingrid marta
elin ana ines sofia olga natalia alexandra anneliese aine greta hannah brooke dana erin joy
louise lois carol carole cheryl sheila beverly gloria marilyn jean jeanne joanne joanna kathleen kathryn
katie kristin kristina krista lori lorraine marcia marjorie maureen melanie michele nina norma peggy
phyllis priscilla renee rita roberta rosa rosemary sally sue suzanne sylvia tina vanessa veronica
yvonne jeanette colleen bridget caroline charlotte olivia abigail natalie lily leah audrey allison
alison amanda brenda carolyn christina cristina danielle denise diana doris eleanor erica erika
frances gina holly jasmine jenny josephine kara laurie lillian lydia meghan meredith miriam molly
nora patti patty penny rachael sheryl sonia stacy stacey tara tanya tamara wanda betsy becky
bernadette dolores ruby elena alicia felicia juanita carmen gabriela gabrielle daniela lucia
yolanda beatriz isabel kamala cecile debra roseann gillian bonnie cathy connie janice katharine
lena maxine mildred nadia naomi pauline ramona regina sabrina serena susanna teri ursula vivian
wilma ayanna tulsi aisha fatima neera pam marsha jodi joni mazie heidi kyrsten eva agnes hazel maya
""".split()
)
MALE_NAMES = frozenset(
    """
donald bill barack joe mike michael ted marco jeb ben chris bernie john paul rand rick scott
newt rudy tim mitt jeff reince sean steve stephen james robert william david richard charles thomas
daniel matthew anthony mark george kenneth edward brian ronald kevin jason gary timothy jose larry
frank eric jonathan justin brandon gregory samuel patrick jack dennis jerry tyler aaron henry adam
douglas nathan peter zachary kyle walter harold carl arthur gerald roger keith jeremy terry lawrence
christian albert joshua ryan andrew nicholas alan ralph roy louis eugene wayne bruce jerome
howard harry fred hugo lucas martin vladimir bashar francois angus boris nigel dick lindsey orrin
harry mitch chuck lamar elijah jim tom bob dan ken phil ron tony greg doug hank howard corey
charlie alexander allen andy antonio arnold barry benjamin bernard bobby brad bradley brett bret
bryan byron calvin carlos chad clarence clark clint clifford cody colin craig curt curtis dale
darrell darren dave dean derek devin dominic don donnie dwight earl ed eddie edwin elliot elliott
ernest evan felix fernando floyd francis franklin gabriel gavin gene glen glenn gordon grant
herbert herman ian isaac ivan jacob jake jamal jared javier jay jeffrey jesse jimmy joel johnny jon
jorge juan julian karl kent kurt lance leo leon leonard leroy lewis lloyd luis luke luther manuel
marc marcus mario marshall marty marvin matt maurice max melvin micah miguel milton mitchell neil
nelson nick noah norman oliver omar oscar owen pablo pedro perry pete philip phillip rafael randall
randy ray raymond reggie reginald rex ricardo rob robby rod rodney roland ross russell seth shane
sheldon sherrod stan stanley stuart teddy terrence theodore todd travis trent trey troy vernon
victor vince vincent wade wallace warren wesley willie xavier zach zeke reince rahm eliot hakeem
cory steny
""".split()
)

# Given names that are also words of the language and in neither list above ('Will Fitzgibbon',
# 'Pat Buchanan').
WORD_GIVEN_NAMES = frozenset("will pat guy art drew chase sandy rusty buck rich".split())
# Every given name the lexicon knows, for telling a person's name from other capitalised words.
GIVEN_NAMES = FEMALE_NAMES | MALE_NAMES | WORD_GIVEN_NAMES

# News outlets and agencies: organisations, whatever the model calls them ("according to
# Bloomberg" is not a place, "Business Insider reported" not a person). Names that are also
# ordinary words ("Time", "Fortune", "The Sun") are left out.
NEWS_OUTLETS = frozenset(
    name.strip()
    for name in """
Reuters; Bloomberg; Bloomberg News; Associated Press; AP; AFP; Agence France-Presse; UPI;
United Press International; Xinhua; Xinhua News Agency; Interfax; Itar-Tass; Tass; Kyodo; Yonhap;
ANSA; dpa; EFE; Bernama; Antara;
BBC; CNN; CNBC; MSNBC; Fox News; NBC; CBS; NPR; PBS; Al Jazeera; Sky News; Deutsche Welle; France 24;
Euronews; New York Times; Washington Post; Wall Street Journal; Financial Times; Guardian;
Economist; Business Insider; Politico; Axios; BuzzFeed News; HuffPost; Huffington Post; Newsweek;
Forbes; TechCrunch; The Verge; Breitbart; Daily Mail; Daily Telegraph; Le Monde; Der Spiegel;
Nikkei; Asahi Shimbun; Yomiuri Shimbun; South China Morning Post; Haaretz; Jerusalem Post;
USA Today; U.S. News & World Report; Los Angeles Times; Chicago Tribune; Boston Globe; MarketWatch; Dow Jones;
Yahoo News; Christian Science Monitor; Mother Jones; National Review; Washington Times; New York Post; Daily Beast
""".replace("\n", " ").split(";")
)

# Firms named after their founders: organisations, though their first word is a given name.
FIRMS_NAMED_FOR_PEOPLE = frozenset(
    name.strip()
    for name in """
Morgan Stanley; Wells Fargo; Charles Schwab; Eli Lilly; Goldman Sachs; Merrill Lynch; Lehman Brothers;
Edward Jones; Raymond James; John Deere; Dean Witter; Walt Disney; Ralph Lauren; Calvin Klein;
Tommy Hilfiger; Estee Lauder; Johnson & Johnson; Procter & Gamble; Ernst & Young; Charles River
""".replace("\n", " ").split(";")
)

# Places known by their initials, in capitals: places, though most such acronyms name bodies.
PLACE_ACRONYMS = frozenset("NYC DPRK PRC ROK USSR GDR FRG DRC CAR KSA".split())

# Verbs of stance and thought whose reported words may be quoted ("he bemoaned the “broken” system").
STANCE_VERBS = frozenset(
    """
bemoan decry denounce condemn criticize criticise attack dismiss reject welcome applaud celebrate
ponder anticipate project hope fear believe think feel target hit
""".split()
)

# Events and documents: a name ending in one is no person ("Obama Speech", "Agenda Symposium").
EVENT_WORDS = frozenset(
    """
speech speeches address symposium summit conference convention debate debates rally rallies hearing hearings
forum festival award awards prize lecture interview tour trial crash attack attacks election elections
primary primaries turnout report memo letter plan agenda programme program poll survey ceremony gala
""".split()
)

# US states as news abbreviates them (AP style): places, though short capitals read as acronyms.
# Those with a period inside ("N.C.") name nothing else; the rest ("Fla.", "Miss.", "Wash.")
# are states only after a place and a comma ("Tampa, Fla.").
STATE_INITIALS = frozenset("D.C. N.C. S.C. N.Y. N.J. N.H. N.M. N.D. S.D. R.I. W.Va. N.Dak. S.Dak.".split())
STATE_ABBREVIATIONS = STATE_INITIALS | frozenset(
    """
Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Kans. Ky. La. Md. Mass. Mich. Minn. Miss.
Mo. Mont. Neb. Nebr. Nev. Okla. Ore. Pa. Penn. Tenn. Tex. Va. Vt. Wash. Wis. Wisc. Wyo.
""".split()
)

# The United States' states by their full names: places, whatever the model calls them ("winning
# New Hampshire", "Gov. Chris Christie of New Jersey" were people). A person may be named after
# one of a single word ("Georgia", "Virginia"), never after one of two.
US_STATES = frozenset(
    """
Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho
Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota
Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah
Vermont Virginia Washington Wisconsin Wyoming
""".split()
) | frozenset(
    "New Hampshire;New Jersey;New Mexico;New York;North Carolina;North Dakota;Rhode Island;South Carolina;"
    "South Dakota;West Virginia".split(";")
)

# Countries and territories by their English short names: places, whatever the model calls
# them ("Slovakia beat Malta", "Iraq said"). Names that are also people's names ("Jordan",
# "Chad") are left out.
COUNTRIES = frozenset(
    name.strip()
    for name in """
Afghanistan; Albania; Algeria; Andorra; Angola; Argentina; Armenia; Australia; Austria; Azerbaijan;
Bahamas; Bahrain; Bangladesh; Barbados; Belarus; Belgium; Belize; Benin; Bhutan; Bolivia;
Bosnia; Bosnia and Herzegovina; Botswana; Brazil; Brunei; Bulgaria; Burkina Faso; Burundi;
Cambodia; Cameroon; Canada; Cape Verde; Chile; China; Colombia; Comoros; Congo; Costa Rica;
Croatia; Cuba; Cyprus; Czech Republic; Czechia; Denmark; Djibouti; Dominican Republic; Ecuador;
Egypt; El Salvador; England; Equatorial Guinea; Eritrea; Estonia; Eswatini; Ethiopia; Fiji;
Finland; France; Gabon; Gambia; Germany; Ghana; Greece; Grenada; Guatemala; Guinea; Guyana;
Haiti; Honduras; Hong Kong; Hungary; Iceland; India; Indonesia; Iran; Iraq; Ireland; Israel;
Italy; Ivory Coast; Jamaica; Japan; Kazakhstan; Kenya; Kosovo; Kuwait; Kyrgyzstan; Laos;
Latvia; Lebanon; Lesotho; Liberia; Libya; Liechtenstein; Lithuania; Luxembourg; Macedonia;
North Macedonia; Madagascar; Malawi; Malaysia; Maldives; Mali; Malta; Mauritania; Mauritius;
Mexico; Moldova; Monaco; Mongolia; Montenegro; Morocco; Mozambique; Myanmar; Namibia; Nepal;
Netherlands; New Zealand; Nicaragua; Niger; Nigeria; North Korea; Northern Ireland; Norway;
Oman; Pakistan; Palestine; Panama; Papua New Guinea; Paraguay; Peru; Philippines; Poland;
Portugal; Qatar; Romania; Russia; Rwanda; Saudi Arabia; Scotland; Senegal; Serbia; Seychelles;
Sierra Leone; Singapore; Slovakia; Slovenia; Somalia; South Africa; South Korea; South Sudan;
Spain; Sri Lanka; Sudan; Suriname; Sweden; Switzerland; Syria; Taiwan; Tajikistan; Tanzania;
Thailand; Togo; Trinidad and Tobago; Tunisia; Turkmenistan; Uganda; Ukraine; Uruguay;
Uzbekistan; Venezuela; Vietnam; Wales; West Bank; Gaza Strip; Yemen; Yugoslavia; Zambia; Zimbabwe;
American Samoa; Guam; Puerto Rico; Northern Mariana Islands; U.S. Virgin Islands; Greenland; Macau
""".replace("\n", " ").split(";")
)
