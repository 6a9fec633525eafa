"""Surnames of the United States, from the US Census Bureau's 1990 name files.

The Census Bureau published the surnames of its 1990 post-enumeration survey with the share
of people bearing each (dist.all.last). The file is a work of the United States government
and in the public domain; it reaches Python users through the MIT-licensed ``names`` package
(0.3.0), which ships it unchanged. Kept here: every surname borne by at least 0.005% of
people (2753 names), folded to lower case. Read for whether a word that is also a word of
the language ('Baker', 'Woods', 'Lee') is common as a surname.
"""

from __future__ import annotations

from functools import lru_cache

SHARE_CUT = 0.005  # percent of people bearing the surname in the 1990 survey

_NAMES = """
aaron abbott abel abernathy abney abraham abrams acevedo acker ackerman acosta adair adam adams adamson adcock
addison adkins adler agee aguilar aguilera aguirre aiken akers akins alaniz albert albrecht albright aldrich
aldridge alexander alfaro alford ali allard allen alley allison allred alonso alonzo alston altman alvarado
alvarez amaya ambrose ames amos anaya anders andersen anderson andrade andrew andrews angel anthony aponte
aquino aragon arce archer arellano arias armstrong arnett arnold arredondo arrington arroyo arthur artis ash
ashby ashcraft asher ashley ashton askew atkins atkinson atwood augustine austin avalos avery avila aviles
ayala ayers babb babcock baca bacon baer baez baggett bagley bailey bain baird baker baldwin bales ball
ballard banks barajas barbee barber barbour barclay barfield barger barker barkley barksdale barlow barnard
barnes barnett barney barnhart baron barr barrera barrett barrios barron barrow barry barth bartholomew
bartlett bartley barton bass bassett bateman bates battle batts bauer baugh baughman baum bauman bautista
baxter beach beal beam bean beard bearden beasley beatty beaty beaulieu beaver beavers becerra beck becker
beckman beebe begay belanger belcher bell bellamy beltran benavides bender benedict benitez benjamin benner
bennett benoit benson bentley benton berg berger bergeron bergman berman bermudez bernal bernard bernier
bernstein berry bess best betancourt betts beverly beyer biggs billings billingsley bingham bird bishop black
blackburn blackman blackmon blackwell blair blake blakely blalock blanchard blanco bland blank blankenship
blanton bledsoe blevins bliss block bloom blount blue blum boggs bolden boles bolin bollinger bolton bond
bonds bone bonilla bonner booker boone booth borden bostic boston boswell bouchard boucher boudreau boudreaux
bourgeois bourque bowden bowen bowens bower bowers bowie bowles bowling bowman bowser boyce boyd boyer boykin
boyle boyles braden bradford bradley bradshaw brady bragg branch brand brandon brandt branham brannon brantley
braswell braun bravo braxton bray breaux brennan brenner brewer brewster bridges briggs bright brinkley
brinson briscoe britt britton brock bronson brooks brothers broussard brower brown browne browning brownlee
bruce bruner brunner bruno brunson bryan bryant bryson buchanan buck buckley buckner buford bull bullard
bullock bunch bundy bunn burch burden burdick burger burgess burgos burk burke burkett burkhart burks burnett
burnette burnham burns burr burrell burris burroughs burrows burt burton busby busch bush bustamante butcher
butler butterfield butts byers bynum byrd byrne caballero cabral cabrera cagle cahill cain calderon caldwell
calhoun call callahan callaway calloway calvert camacho cameron camp campbell campos canales cannon cano
cantrell cantu capps carbone cardenas cardona cardwell carey carlisle carlson carlton carmichael carmona
carnes carney caron carpenter carr carranza carrasco carrier carrillo carrington carroll carson carter
cartwright caruso carver cary case casey cash casillas cason cassidy castaneda castellanos castillo castle
castro cates caudill causey cavanaugh cavazos cervantes chacon chadwick chamberlain chambers champagne
champion chan chance chandler chaney chang chapa chapman chappell charles chase chastain chatman chavez chavis
cheatham cheek chen cheney cheng cherry chester chestnut childers childress childs chin cho choate choi
christensen christenson christian christiansen christie christopher christy chu chung church churchill
cisneros clark clarke clary clay clayton cleary clement clements clemons cleveland clevenger clifford clifton
cline clinton cloud cloutier coates coats cobb coburn cochran cody coe coffey coffman cohen coker colbert
colby cole coleman coles coley collazo collier collins colon colvin combs comer compton conklin conley conn
connell connelly conner connolly connor connors conrad conroy contreras conway cook cooke cooley coon cooper
cope copeland corbett corbin corcoran cordero cordova corey corley cormier cornelius cornell cornett cornish
cornwell corona coronado correa cortes cortez costa costello cote cotton cottrell couch coughlin coulter
courtney couture covington cowan cox coy coyle crabtree craft craig crain cramer crandall crane craven
crawford crawley creech crenshaw crespo crews crisp crocker crockett croft cronin crook crosby cross crouch
crouse crow crowder crowe crowell crowley crum crump cruz cuellar cuevas cullen culp culpepper culver cummings
cummins cunningham curley curran currie currier curry curtis cutler cyr dahl daigle dailey dale daley dalton
daly daniel daniels darby darden darling darnell daugherty davenport david davidson davies davila davis
davison dawkins dawson day deal dean deaton decker dejesus delacruz delaney delarosa delatorre deleon delgado
deloach delong deluca dempsey dennis dennison denny denson dent denton devine devore dewitt diamond dias diaz
dick dickens dickerson dickey dickinson dickson diehl dietrich dietz diggs dill dillard dillon dixon dobbins
dobbs dobson dodd dodge dodson doe doherty dolan dominguez donahue donald donaldson donnelly donovan dooley
doran dorman dorsey doss dotson doty dougherty douglas douglass dove dow dowd dowdy dowell dowling downey
downing downs doyle dozier drake draper drew driscoll driver drummond duarte dube dubois dubose duckworth
dudley duff duffy dugan duke dukes dumas dunbar duncan dunham dunlap dunn dupre dupree duran durant durbin
durham dutton duvall dwyer dye dyer dykes dyson earl early easley eason east easter eastman eaton ebert echols
eckert eddy edmonds edmondson edwards egan elam elder eldridge elias elkins eller ellington elliot elliott
ellis ellison ellsworth elmore elrod ely emerson emery emmons engel england engle english ennis enriquez
epperson epps erickson ernst ervin erwin escobar escobedo esparza espinosa espinoza esposito esquivel estep
estes estrada etheridge eubanks evans everett ewing ezell fagan fair fairchild farley farmer farnsworth farr
farrar farrell farris faulk faulkner faust fay felder feldman feliciano felix felton fennell fenton ferguson
fernandez ferreira ferrell ferris field fields figueroa finch fink finley finn finney fischer fish fisher
fitch fitzgerald fitzpatrick flaherty flanagan fleming fletcher flint flood flores flowers floyd flynn foley
fontaine fontenot foote forbes ford foreman forman forrest fortier fortner fortune foss foster fountain
fournier foust fowler fox fraley france francis francisco franco frank franklin franks fraser frazier
frederick freeman french frey friedman friend fritz frost fry frye fuentes fugate fuller fulton fultz funk
gabriel gage gagne gagnon gaines gaither gale galindo gallagher gallardo gallegos gallo galloway galvan gamble
gamez gandy gann gannon gant garcia gardner garland garner garrett garrison garvin gary garza gaskins gaston
gates gatlin gauthier gavin gay geary gee geiger gentry george gerber german gibbons gibbs gibson gifford gil
gilbert gilchrist giles gill gillespie gillette gilliam gilliland gillis gilman gilmore gipson girard givens
glass gleason glenn glover goddard godfrey godwin goetz goff goins gold goldberg golden goldman goldsmith
goldstein gomes gomez gonzales gonzalez gooch good goode gooden goodman goodrich goodson goodwin gordon gore
gorman goss gould grace grady graf graham granger grant grantham graves gray grayson greco green greenberg
greene greenwood greer gregg gregory gresham grier griffin griffith griggs grigsby grimes grimm grissom gross
grossman grove grover groves grubb grubbs guajardo guerra guerrero guevara guidry guillen guillory guinn gunn
gunter gustafson guthrie gutierrez guy guzman haas hacker hackett hadley hagan hagen hager hahn haines
hairston hale haley hall ham hamby hamilton hamlin hamm hammer hammond hammonds hammons hampton han hancock
hand handy haney hankins hanks hanley hanna hannah hansen hanson harden harder hardin harding hardison hardy
hare hargrove harkins harley harman harmon harms harp harper harrell harrington harris harrison hart hartley
hartman harvey haskins hastings hatch hatcher hatfield hathaway hatton hauser havens hawk hawkins hawks hawley
hawthorne hay hayden hayes haynes hays hayward haywood head healy heard hearn heath heaton hebert heck hedrick
heller helm helms helton hemphill henderson hendricks hendrickson hendrix henley henry hensley henson herbert
herman hernandez herndon herrera herring herrington herron herzog hess hester hewitt hickey hickman hicks
hidalgo higginbotham higgins high hightower hill hilliard hillman hills hilton hinds hines hinkle hinojosa
hinson hinton hirsch hitchcock hite ho hobbs hobson hodge hodges hoff hoffman hogan hogue holbrook holcomb
holden holder holland holley holliday hollingsworth hollis holloway holm holman holmes holt holton honeycutt
hong hood hook hooker hooks hooper hoover hope hopkins hopper hopson horn horne horner horton hoskins houck
hough houle house houser houston howard howe howell howland hoyt huang hubbard huber huddleston hudgins hudson
huerta huey huff huffman huggins hughes hull hummel humphrey humphreys humphries hunt hunter huntley hurd
hurley hurst hurt hurtado huston hutchins hutchinson hutchison hutson hutton huynh hyatt hyde hyman ibarra
ingram inman irby irizarry irvin irving irwin isaac isaacs isbell isom iverson ivey ivy jack jackson jacob
jacobs jacobsen jacobson jacques james jameson jamison jansen jaramillo jarrell jarrett jarvis jean jeffers
jefferson jeffries jenkins jennings jensen jernigan jeter jewell jimenez john johns johnson johnston joiner
jolly jones jordan jordon jorgensen joseph joy joyce joyner juarez judd jung justice kahn kaiser kane kang
kaplan katz kauffman kaufman kay kearney kearns keating keen keenan keene keith keller kelley kellogg kelly
kelsey kemp kendall kendrick kennedy kenney kenny kent kenyon kern kerns kerr kessler key keyes keys khan kidd
kilgore killian kilpatrick kim kimball kimble kimbrough kincaid kinder king kinney kinsey kirby kirk kirkland
kirkpatrick kiser kitchen klein kline knapp knight knott knowles knox knutson koch koehler koenig kohler
kowalski kraft kramer kraus krause krueger kruger kruse kuhn kurtz kyle lacey lackey lacy ladd ladner laird
lake lam lamar lamb lambert lancaster lance land landers landis landrum landry lane lang lange langford
langley langston lanier lankford lara larkin larsen larson lassiter latham lau laughlin law lawler lawrence
laws lawson lawton lay layne layton le leach leal leary leavitt leblanc ledbetter ledford lee leggett lehman
lemon lemons lentz leon leonard leone leslie lester levesque levin levine levy lewis leyva li libby light
liles lilly lim lin lincoln lind linder lindsay lindsey link linn linton lipscomb little littlefield
littlejohn liu livingston lloyd locke lockett lockhart lockwood lofton logan lombardo london long longoria
loomis looney lopes lopez lord lorenz lott louis love lovelace lovell lovett lowe lowery lowry loyd lozano
lucas lucero ludwig lugo lujan luke luna lund lundy lunsford lusk luther lutz ly lyle lyles lyman lynch lynn
lyon lyons lytle mabry macdonald machado macias mack mackenzie mackey madden maddox madison madrid madrigal
madsen magana magee maguire mahan maher mahon mahoney main major maldonado mallory malloy malone maloney
manley mann manning mansfield manuel marcum marcus marin marino marion mark markham marks marlow marquez
marrero marsh marshall martel martin martinez martino mason massey masters mata mathews mathis matlock matos
matson matthews mattingly mattox mattson mauldin maurer maxwell may mayberry mayer mayes mayfield maynard mayo
mays mcallister mcbride mccabe mccain mccall mccann mccarthy mccartney mccarty mccauley mcclain mcclellan
mcclelland mcclendon mccloud mcclure mccollum mcconnell mccord mccormack mccormick mccoy mccracken mccrary
mccray mccullough mccurdy mcdaniel mcdermott mcdonald mcdonough mcdowell mcduffie mcelroy mcfadden mcfarland
mcgee mcghee mcgill mcginnis mcgowan mcgrath mcgraw mcgregor mcguire mchugh mcintosh mcintyre mckay mckee
mckenna mckenzie mckinley mckinney mckinnon mcknight mclain mclaughlin mclean mcleod mcmahan mcmahon mcmanus
mcmillan mcmillian mcmullen mcnair mcnally mcnamara mcneal mcneil mcneill mcpherson mcqueen mcrae mcwhorter
mcwilliams mead meade meador meadows means medeiros medina medley medrano meehan meek meeks meier mejia
melendez melton melvin menard mendez mendoza mercado mercer merchant meredith merrill merritt messer metcalf
metz metzger meyer meyers meza michael michaels michaud michel middleton milam miles millard miller milligan
mills milner milton mims miner minor minton miranda mitchell mixon mize mobley mock moeller moffett mohr
molina monahan monk monroe montalvo montanez montano montes montgomery montoya moody moon mooney moore mora
morales moran moreland moreno morgan morin morrell morris morrison morrissey morrow morse morton moseley moser
moses mosher mosley moss motley mott moulton moya moyer mueller mullen muller mullins muniz munoz munson
murdock murillo murphy murray murrell murry myers myles myrick nadeau nance napier naquin nash nava navarro
naylor neal neely neff negron nelson nesbitt neumann newberry newby newcomb newell newman newsom newsome
newton ng ngo nguyen nicholas nichols nicholson nickerson nielsen nielson nieto nieves nix nixon noble nobles
noe noel nolan noland nolen norman norris north norton norwood novak nowak nugent numbers nunez nunn oakes
oakley obrien ochoa oconnell oconnor odell odom odonnell ogden ogle ohara ojeda okeefe oldham oleary olivares
oliver olsen olson oneal oneil oneill ornelas orourke orozco orr ortega ortiz osborn osborne otero ott otto
ouellette outlaw overstreet overton owen owens pace pacheco pack padgett padilla pagan page paige paine
painter palacios palmer paquette parham paris parish park parker parks parnell parr parra parris parrish
parrott parson parsons pate patel patrick patten patterson patton paul paulson paxton payne payton peachey
peacock pearce pearson pease peck pedersen pederson pelletier pemberton pena pendleton penn pennington peoples
pepper peralta perdue pereira perez perkins perry perryman person peters petersen peterson pettit petty pham
phelps phillips phipps pickens pickering pickett pierce pierre pierson pike pimentel pina pineda pinson piper
pittman pitts platt plummer poe poindexter poirier polk pollard pollock ponce ponder pool poole pope porter
portillo posey post potter potts poulin powell power powers prado prater prather pratt prescott presley
pressley preston price priest prince pringle pritchard pritchett proctor pruett pruitt pryor puckett pugh
pullen pulliam purcell purdy purvis putnam pyle qualls quarles queen quezada quick quigley quinn quinones
quintana quintanilla quintero quiroz rader radford ragland ragsdale raines rainey ralston ramey ramirez ramos
ramsey randall randle randolph rangel rankin ransom rapp rasmussen ratcliff ratliff ray raymond rea read
reagan reardon reaves rector redd redding redman redmond reece reed reeder reese reeves regan reid reilly
renner renteria reyes reyna reynolds rhoades rhoads rhodes rice rich richard richards richardson richey
richmond richter ricketts ricks rico riddick riddle rider ridley riggs riley rinehart ring rios ritchie ritter
rivas rivera rivers roach roark robb robbins roberson robert roberts robertson robinette robins robinson
robison robles rocha roche rock rockwell rodgers rodrigues rodriguez rodriquez roe rogers rojas roland rollins
roman romano romero romo rooney root roper rosa rosado rosales rosario rosas rose rosen rosenberg rosenthal
ross rossi roth rouse rowan rowe rowell rowland rowley roy royal rubin rubio rucker rudd rudolph ruff ruffin
ruiz runyon rush rushing russ russell russo ruth rutherford rutledge ryan ryder sadler saenz salas salazar
saldana salgado salinas salisbury salmon salter sample sampson sams samuel samuels sanborn sanchez sanders
sanderson sandoval sands sanford santana santiago santos sapp sargent satterfield saucedo sauer saunders
savage sawyer saylor scales scarborough schaefer schaeffer schafer schaffer schell schilling schmidt schmitt
schmitz schneider schofield schrader schreiber schroeder schuler schultz schulz schumacher schuster schwab
schwartz schwarz scott scroggins scruggs seal seals seaman sears seay segura selby self sellers serna serrano
seward sewell sexton seymour shafer shaffer shah shanks shannon shapiro sharp sharpe shaver shaw shea shearer
sheehan sheets sheffield shelby sheldon shell shelley shelton shepard shepherd sheppard sheridan sherman
sherrill sherrod sherwood shields shipley shipman shipp shirley shockley shoemaker shook short shuler shultz
siegel sierra sikes silva silver silverman simmons simms simon simons simpkins simpson sims sinclair singer
singh singletary singleton sisk sizemore skaggs skelton skidmore skinner slade slater slaughter sledge sloan
small smalls smallwood smart smiley smith sneed snell snider snodgrass snow snowden snyder solis solomon
sorensen sorenson sosa soto sousa south souza spain spangler spann sparks spaulding spear spears speer spence
spencer spicer spivey sprague springer spurlock squires stacy stafford stahl staley stallings stamper stanford
stanley stanton staples stapleton stark starkey starks starnes starr staton stearns steele steen stein steiner
stephens stephenson stepp sterling stern stevens stevenson steward stewart stiles stinson stjohn stockton
stoddard stokes stone stoner storey story stout stovall stover strange stratton street streeter strickland
stringer strong stroud stuart stubbs suarez suggs sullivan summers sumner sutherland sutton swain swan swann
swanson swartz sweeney sweet swenson swift switzer sykes sylvester tabor tackett talbert talbot talley tan
tang tanner tapia tate tatum taylor teague temple templeton terrell terry thacker tharp thayer thomas thomason
thompson thomson thorne thornton thorpe thrasher thurman thurston tidwell tilley tillman timmons tinsley
tipton tirado titus tobias tobin todd tolbert tomlin tomlinson tompkins toney torres torrez toth tovar
townsend tracy trahan tran travis traylor trejo trent trevino trimble triplett tripp trotter trout troutman
trujillo truong tubbs tucker turner turpin tuttle tyler tyson ulrich underwood unger upton urban valdez
valencia valentin valentine valenzuela valle vance vandyke vang vann varela vargas varner varney vasquez
vaughan vaughn vazquez vega vela velasco velasquez velazquez velez ventura vera vernon vick vickers vigil
villa villalobos villanueva villarreal villegas vincent vines vinson vogel vogt voss vu waddell wade waggoner
wagner wagoner waite wakefield walden waldron walker wall wallace waller wallis walls walsh walter walters
walton wang ward warden ware warner warren washburn washington waterman waters watkins watson watt watts waugh
way weathers weaver webb webber weber webster weeks weiner weir weiss welch weldon weller wellman wells welsh
werner wesley west westbrook westmoreland weston wetzel whalen whaley whatley wheat wheatley wheeler whipple
whitaker white whitehead whitfield whiting whitley whitlock whitman whitmore whitney whitt whittaker whitten
whittington wiggins wilburn wilcox wilder wiles wiley wilhelm wilkerson wilkes wilkins wilkinson willard
willett willey william williams williamson willingham willis willoughby wills wilson windham wing winkler winn
winslow winston winter winters wise wiseman witherspoon witt wolf wolfe wolff womack wong wood woodall woodard
woodruff woods woodson woodward woody wooten workman worley worrell worthington wray wren wright wu wyatt
wyman wynn xiong yancey yanez yang yarbrough yates yazzie ybarra yeager yee yoder york yost young youngblood
yu zamora zapata zavala zeigler zepeda ziegler zimmer zimmerman zuniga
"""


@lru_cache(maxsize=1)
def census_surnames() -> frozenset[str]:
    """The census's common surnames, folded to lower case (split once, on first use)."""
    return frozenset(_NAMES.split())
