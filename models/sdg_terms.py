"""Curated SDG term lists in English, Spanish and French, written for vlrlink.

Why hand-written lists: the official target and indicator titles name each goal's outcomes in
the UN's own register ("proportion of population ..."), while review passages talk about the same
topics in ordinary policy language ("cash transfers", "smallholder farmers", "river basin").
These lists bridge that gap. They were written from the goal and target texts and general
domain knowledge; no benchmark text was copied into them.

Format: for each language and goal, a block of lines "WEIGHT: term; term; ...". Weights:

- 3   defining: the term alone makes a passage about the goal ("food insecurity", "deforestation")
- 2   strong: the goal's core vocabulary ("farmers", "renewable energy")
- 1   related: common in passages about the goal, but also elsewhere ("crops", "emissions")
- 0.5 context: only counts together with other evidence ("vulnerable", "rural")

Terms are matched on normalised tokens (lower case, accents stripped, light plural stemming; see
`models.sdg_tagging.normalise_tokens`), so "farmer" also matches "Farmers". A trailing "*" on a
token matches any token starting with it ("decarboni*"). BLOCKERS are phrases that look like
SDG vocabulary but are not ("water-cooled", "energy of the team"); a blocker consumes its tokens
so that no term can match inside it. NEGATION_CUES cancel the term that follows them.
"""

from __future__ import annotations

TERMS: dict[str, dict[int, str]] = {}
BLOCKERS: dict[str, str] = {}
NEGATION_CUES: dict[str, str] = {}

# ---------------------------------------------------------------------------------------------
# English
# ---------------------------------------------------------------------------------------------
TERMS["en"] = {
    1: """
3: poverty; poverties; extreme poverty; poverty line; poverty rate; poverty reduction;
   anti-poverty; poverty alleviation; social protection; social safety net; safety nets;
   cash transfer; conditional cash transfer; material deprivation; destitution; indigence;
   the poorest; poor households; poor families; poor people; impoverished; impoverishment;
   social protection floor; minimum income; income poverty; multidimensional poverty
2: social assistance; social security; welfare benefits; income support; the poor; urban poor;
   rural poor; working poor; poor women; poor children; poor communities; low-income households;
   low-income families; deprivation; microfinance; microcredit; basic income; means-tested;
   child benefit; family allowance; unemployment benefit; social pension; living standards;
   social transfers; poverty gap; vulnerable households; subsistence; slum dwellers
1: low-income; low income; welfare; hardship; vulnerability; benefit recipients; basic services;
   economic resources; ownership of land; land rights; pension; pensions; social spending;
   deprived; homeless; homelessness; food stamps; income security
0.5: vulnerable; poor; disadvantaged; marginalised; livelihood; livelihoods
2: poverty trap; poverty traps; ultra-poor; ultra poor; extreme poor; income transfers;
   social grants;
   social insurance; safety-net; welfare state; welfare programmes; welfare programs; destitute;
   beggars; begging; pro-poor; antipoverty; graduation programmes; public works programmes;
   $1.90 a day; $1.25 a day; dollar a day; headcount ratio; below the poverty line
""",
    2: """
3: hunger; food security; food insecurity; malnutrition; undernutrition; undernourishment;
   undernourished; stunting; stunted; wasting; famine; food insecure; zero hunger;
   sustainable agriculture; smallholder; smallholders; smallholder farmers; agricultural
   productivity; food production; food systems; family farming; agri-food; agrifood
2: agriculture; agricultural; farmers; farmer; farming; farm; farms; farmland; crop; crops;
   cropland; harvest; harvests; livestock; food prices; food price; staple food; staple foods;
   nutrition; nutritional; food aid; school meals; school feeding; fertiliser; fertilizer;
   fertilisers; fertilizers; agronomic; agronomy; agroecology; agroforestry; cereal; cereals;
   grain; grains; maize; wheat; rice; sorghum; millet; cassava; seed varieties; crop varieties;
   food supply; food reserves; food stocks; food availability; rural development; pastoralists;
   herders; agribusiness; agricultural trade; agricultural exports; agricultural subsidies;
   farm income; food crisis; micronutrient; micronutrients; anaemia; anemia; breastfeeding
1: irrigation; pesticide; pesticides; herbicide; herbicides; yield; yields; food; foods;
   diet; diets; dietary; plant genetic resources; seed; seeds; cattle; poultry; dairy; grazing;
   tractors; mechanisation; mechanization; land tenure; cultivation; cultivated; cultivating;
   arable; agricultural land; commodity prices; food safety; orchards; horticulture;
   veterinary; animal health; fodder; feed crops; rural
0.5: land; rural areas; producers; markets; exports
2: agrarian; agronomists; farmworkers; farm workers; peasant; peasants; crop yields;
   crop production;
   food prices; food inflation; food basket; food banks; food bank; soup kitchens; nourishment;
   underweight; calorie; calories; protein intake; vitamin A; iodine; fortification;
   biofortification;
   pulses; legumes; soybean; soybeans; potatoes; vegetables; fruit; fruits; beans; barley; oats;
   coffee; cocoa; cotton; sugar cane; sugarcane; palm oil; plantations; plantation; agro-industry;
   agricultural research; agricultural extension; extension services; land reform; sharecroppers;
   locust; locusts; crop failure; crop insurance; pests; plant diseases; genetically modified crops;
   GM crops; seed banks; gene banks; food sovereignty; food processing; agricultural markets;
   commodity exchange; food reserve
""",
    3: """
3: health care; healthcare; public health; maternal mortality; infant mortality;
   child mortality; under-5 mortality; neonatal mortality; HIV; AIDS; HIV/AIDS; tuberculosis;
   malaria; hepatitis; neglected tropical diseases; non-communicable diseases;
   noncommunicable diseases; NCDs; NCD; universal health coverage; vaccine; vaccines;
   vaccination; immunization; immunisation; mental health; epidemic; pandemic; COVID-19; COVID;
   health services; health system; health systems; health workers; health insurance;
   essential medicines; World Health Organization; WHO; life expectancy; mortality rate;
   mortality rates; diseases; disease; sexual and reproductive health; reproductive health;
   family planning; contraception; contraceptive; contraceptives
2: health; healthy; hospital; hospitals; patients; patient; medical; medicine; medicines;
   clinic; clinics; doctors; physicians; nurses; nursing; midwives; diagnosis; diagnostic;
   therapy; treatment; therapeutics; drugs; pharmaceutical; pharmaceuticals; cancer; diabetes;
   cardiovascular; obesity; tobacco; smoking; alcohol; substance abuse; drug use; overdose;
   suicide; road traffic deaths; road traffic injuries; infectious; infection; infections;
   mortality; morbidity; illness; illnesses; births attended; skilled birth; antenatal;
   prenatal; postnatal; infant; infants; newborn; newborns; immunity; virus; viral; outbreak;
   injuries; deaths; premature deaths; sanitary; hygiene; dementia; depression; disability
   adjusted; DALY; vaccinated; primary care; well-being; wellbeing
1: care; wellness; nutrition; air pollution; births; sick; sickness; chronic; stress;
   prevention; preventive; epidemiological; genomics; genetic; clinical; surgical; surgery
0.5: mortal; life; lives; safety
2: HIV prevention; antiretroviral; antiretrovirals; ART; measles; polio; cholera; typhoid; dengue;
   Ebola; Zika; influenza; pneumonia; diarrhoea; diarrhea; diarrhoeal; respiratory; asthma;
   hypertension; blood pressure; strokes; heart disease; blindness; kidney; tumour; tumor; tumours;
   oncology; chemotherapy; radiotherapy; dental; oral health; eye care;
   rehabilitation; palliative care; ambulance; emergency care; intensive care; health centres;
   health centers; health posts; community health workers; health facilities; health expenditure;
   out-of-pocket; health spending; health outcomes; health status; health inequalities; maternal
   health; child health; newborn care; stillbirths; stillbirth; caesarean; midwifery;
   breastfeeding; opioids; opioid; narcotic; narcotics; harm reduction; addiction; alcoholism;
   binge drinking; e-cigarettes; smokers; physical activity; sedentary; noncommunicable; NCDs;
   antimicrobial resistance; AMR; pathogens; pathogen; bacteria; parasites; vector-borne;
   mosquito; mosquitoes; bed nets; epidemiology; clinical trials; pharmacies; pharmacists;
   generic medicines; drug prices; TRIPS flexibilities; health technologies; telemedicine;
   health workforce; psychiatric; psychological distress; anxiety; self-harm
""",
    4: """
3: education; educational; schooling; quality education; literacy; numeracy; school;
   schools; students; student; pupils; pupil; teachers; teacher; teaching; learners;
   curriculum; curricula; higher education; tertiary education; vocational education;
   vocational training; TVET; primary education; secondary education; lower secondary;
   upper secondary; early childhood education; pre-primary; preschool; kindergarten;
   enrolment; enrollment; lifelong learning; universities; university; scholarships;
   scholarship; tuition; classroom; classrooms; school dropout; out-of-school;
   educational attainment; learning outcomes; education system; education systems
2: learning; skills development; skills; literate; illiteracy; illiterate; graduates;
   graduation; graduate; college; colleges; academic; degrees; diploma; apprenticeship;
   apprenticeships; training programmes; training programs; e-learning; MOOC; MOOCs;
   teacher training; school-age; schoolchildren; textbooks; exams; examinations; assessment;
   assessments; PISA; competences; competencies; study; studying; studies abroad; campus;
   faculty; lecturers; professors; instruction; pedagogy; pedagogical; adult education;
   education for sustainable development; global citizenship education
1: training; trained; courses; course; qualifications; qualification; knowledge; research
   universities; youth; children; child; early childhood; informal learning; mentoring
0.5: young people; library; libraries
2: schoolteachers; headteachers; principals; school leaders; headmasters; school
   buildings; school infrastructure; school attendance; attendance rates; completion rates;
   learning poverty; reading skills; mathematics; maths; science
   education; STEM; bachelor; master's; doctoral; PhD; postgraduate; undergraduate; tuition fees;
   student loans; student aid; education spending; education budget; education policy; education
   reform; education sector; inclusive education; special education; special needs education;
   bilingual education; mother tongue; distance learning; online learning; remote learning;
   homework; tutoring; Erasmus; study abroad; international students; teacher salaries; teacher
   shortages; pupil-teacher ratio; class size; school meals; early learning; childcare centres;
   creche; nursery school; adult literacy; second-chance education; dropouts; dropout
""",
    5: """
3: gender equality; gender inequality; gender; women; woman; girls; gender-based violence;
   violence against women; domestic violence; intimate partner violence; child marriage;
   early marriage; forced marriage; female genital mutilation; FGM; women's empowerment;
   empowerment of women; gender gap; gender gaps; gender pay gap; sexual harassment; sexism;
   misogyny; feminist; feminism; unpaid care; unpaid domestic; women's rights; girls' education;
   maternity leave; paternity leave; parental leave; women's participation; female labour;
   female labor; gender parity; gender-sensitive; gender-responsive; gender mainstreaming;
   femicide; feminicide; sex-disaggregated
2: female; females; mothers; mother; wives; wife; widows; widow; daughters; daughter;
   sexual violence; rape; reproductive rights; abortion; abortions; maternal; pregnancy;
   pregnant; childbirth; childcare; care work; caregiving; women-owned; businesswomen;
   sexual and reproductive health; reproductive health; contraception; equal pay;
   discrimination against women; patriarchal; sexual; sexuality; men and women; women and men;
   boys and girls; husband; husbands; marriage; dowry; inheritance
1: family; families; household chores; domestic work; care; leadership positions; empower;
   empowerment; harassment; sex; LGBT; LGBTI; transgender
0.5: men; male; boys
2: gender roles; gender norms; gender stereotypes; gender discrimination; gender-based;
   women-headed households; female-headed households; female-headed; women entrepreneurs;
   female entrepreneurs; women's economic empowerment; women's leadership; women in parliament;
   women parliamentarians; seats held by women; quotas for women; gender quotas; glass ceiling;
   motherhood penalty; child penalty; maternity; breadwinner; dowry; bride price; honour killings;
   honor killings; acid attacks; trafficking of women; sex work; sex workers; menstrual;
   menstruation; girls' schooling; girl child; adolescent girls; teenage pregnancy; adolescent
   pregnancy; women's health; women's groups; women's organizations; women's organisations;
   women's movement; UN Women; CEDAW; Beijing Platform; #MeToo
""",
    6: """
3: drinking water; safe water; clean water; water supply; water supplies; sanitation;
   wastewater; waste water; sewage; sewerage; hygiene; WASH; water resources; water management;
   water quality; water pollution; freshwater; fresh water; groundwater; aquifer; aquifers;
   river basin; river basins; watershed; watersheds; catchment; catchments; water scarcity;
   water stress; water-stressed; water use efficiency; water withdrawal; water withdrawals;
   integrated water resources management; IWRM; transboundary waters; water utilities;
   water utility; water services; water infrastructure; water governance; water policy;
   toilets; toilet; latrines; latrine; open defecation; handwashing; desalination;
   water treatment; potable water; water sector; water tariffs; water prices; water pricing;
   water rights; water allocation; water security; water-related ecosystems
2: water; waters; rivers; river; lakes; lake; wetland; wetlands; reservoirs; reservoir; dams;
   dam; irrigation; hydrological; hydrology; floods; flooding; flood; droughts; drought;
   riparian; streams; springs; wells; boreholes; pipes; piped; eutrophication; nutrient
   pollution; effluent; effluents; water bodies; water body; basin; basins; aquatic; runoff;
   water use; water demand; water consumption; water availability; water level; water levels;
   glaciers; snowmelt; evapotranspiration; floodplains; floodplain
1: pollution; pollutants; contaminated; contamination; chemicals; nitrates; phosphorus;
   aquatic ecosystems; infrastructure; utilities; municipal services
2: water access; access to water; water points; water point; standpipes; tap water; water
   kiosks; water vendors; bottled water; water tanks; rainwater harvesting; rainwater; water
   storage; water reuse; water recycling; treated wastewater; sludge; faecal sludge; septic tanks;
   septic; sewers; sewer; drainage; stormwater; storm water; water balance; water footprint;
   virtual water; water conflicts; water diplomacy; transboundary; water basin; basin
   organisations; basin authorities; river basin management; water framework directive; water
   abstraction; abstraction; over-abstraction; groundwater depletion; salinisation;
   salinization; water table; hydrogeology; arsenic; fluoride; waterborne; water-borne; E. coli;
   coliform; water testing; water safety; water losses; non-revenue water; leakage; water
   meters; water metering; water bills; hydropower dams; Aral Sea
""",
    7: """
3: renewable energy; renewables; electricity; electric power; power generation;
   power plants; power plant; power stations; power station; solar; photovoltaic; PV;
   wind power; wind energy; wind farms; wind farm; wind turbines; hydropower; hydroelectric;
   geothermal; bioenergy; biofuel; biofuels; biomass; energy efficiency; energy-efficient;
   energy efficient; energy access; access to electricity; electrification; clean cooking;
   cooking fuels; cookstoves; fossil fuel; fossil fuels; coal; natural gas; petroleum;
   energy security; energy supply; energy consumption; energy demand; energy mix;
   energy intensity; energy transition; energy sector; energy policy; power sector; grid;
   grids; mini-grid; mini-grids; off-grid; kWh; MWh; GWh; TWh; megawatts; gigawatts;
   heat pumps; nuclear power; energy storage; batteries; electricity prices; fuel subsidies;
   renewable; clean energy; green energy; low-carbon energy; energy services; utility-scale
2: energy; fuel; fuels; oil; gas; diesel; gasoline; kerosene; LPG; ethanol; biodiesel; hydrogen;
   electric; electric vehicles; electric cars; heating; cooling; insulation; lighting;
   generation capacity; installed capacity; transmission; distribution network; utilities;
   utility; MW; GW; energy prices; power; turbines; dams; carbon capture; CCS; refinery;
   refineries; pipelines; combustion; stoves; firewood; charcoal
1: emissions; efficiency; carbon; low-carbon; decarboni*; climate; buildings; appliances
2: power cuts; blackouts; load shedding; electricity tariffs; feed-in tariffs; feed-in tariff;
   renewable portfolio; auctions for renewables; solar home systems; solar panels; solar PV;
   rooftop solar; concentrated solar; wind capacity; offshore wind; onshore wind; tidal energy;
   wave energy; pumped storage; smart grid; smart grids; smart meters; interconnectors;
   transmission lines; energy poverty; fuel poverty; energy affordability; energy bills; energy
   subsidies; oil prices; gas prices; coal-fired; gas-fired; oil-fired; thermal power; combined
   cycle; cogeneration; district heating; energy audits; energy labels; energy standards;
   building energy codes; retrofits; retrofitting; LED; efficient lighting; efficient appliances;
   clean fuels; traditional biomass; fuelwood; cooking stoves; improved cookstoves; biogas;
   liquefied petroleum gas; IEA; IRENA; primary energy; final energy; energy productivity
""",
    8: """
3: employment; unemployment; unemployed; decent work; jobs; job creation; labour market;
   labor market; labour markets; labor markets; economic growth; GDP growth; informal economy;
   informal sector; informality; informal employment; child labour; child labor;
   forced labour; forced labor; youth employment; youth unemployment; NEET; labour rights;
   labor rights; occupational safety; occupational health; working conditions; wages; wage;
   minimum wage; labour force; labor force; workforce; workers; worker; employees; employers;
   jobseekers; job seekers; job search; trade unions; trade union; collective bargaining;
   productive employment; labour productivity; labor productivity; entrepreneurship;
   entrepreneurs; self-employed; self-employment; micro-enterprises; microenterprises; SMEs;
   small and medium-sized enterprises; employment protection; labour law; labor law;
   labour regulations; modern slavery; human trafficking for labour; sustainable tourism
2: job; employed; employer; employee; earnings; labour; labor; productivity; tourism;
   tourists; GDP; gross domestic product; per capita income; economic performance;
   economic development; recession; economic slowdown; business cycle; enterprises;
   businesses; firms; start-ups; startups; access to finance; financial inclusion; bank
   accounts; banking services; financial services; hiring; dismissal; layoffs; hours worked;
   part-time; temporary contracts; contracts; pensions; occupations; occupation; careers;
   career; vocational; skills mismatch; active labour market; labour migration;
   migrant workers; remuneration; salary; salaries; pay; payroll; apprentices
1: growth; economy; economic; income; incomes; business; companies; company; industry;
   investment; investors; markets; competitiveness; macroeconomic; inflation; fiscal;
   diversification; value added; exports; trade; working
2: labour market outcomes; employment rate; employment rates; unemployment rate; unemployment
   rates; jobless; joblessness; long-term unemployment; underemployment; underemployed; job
   quality; job security; job losses; job loss; precarious work; precarious employment; gig
   economy; platform workers; casual workers; day labourers; domestic workers; seasonal workers;
   wage growth; wage gap; living wage; labour costs; labor costs; labour inspection; labour
   inspectors; ILO; International Labour Organization; social dialogue; tripartite; strikes;
   unionisation; unionization; job training; public employment services; employment services;
   job placement; wage subsidies; hiring subsidies; youth guarantee; apprenticeship; internships;
   internship; school-to-work; skills shortages; labour demand; labour supply; labor supply;
   labour force participation; economic activity rate; output growth; per capita GDP; GDP per
   capita; economic recovery; business environment; ease of doing business; entrepreneurial;
   self-employment; small businesses; small firms; micro, small and medium
""",
    9: """
3: infrastructure; industrialization; industrialisation; manufacturing; innovation;
   research and development; R&D; broadband; internet access; mobile network; mobile networks;
   mobile broadband; telecommunications; telecommunication; ICT; ICTs; digital infrastructure;
   transport infrastructure; resilient infrastructure; industrial development; industrial
   policy; industries; industry 4.0; value chains; global value chains; small-scale industries;
   technological upgrading; technological capabilities; researchers; scientific research;
   innovation systems; patents; patent; high-tech; high technology; medium-high-tech;
   manufacturing value added; connectivity; digital economy; e-commerce; 4G; 5G; 3G;
   fibre optic; fiber optic; mobile phones; mobile cellular; smartphones; internet
2: industry; industrial; manufacturers; manufactured; factories; factory; technology;
   technologies; technological; digital; digitalisation; digitalization; automation; robots;
   robotics; roads; road network; railways; railway; rail; ports; port; airports; airport;
   logistics; freight; transport; transportation; bridges; construction; engineering;
   science; scientific; science parks; technology parks; incubators; clusters; start-ups;
   venture capital; SMEs; enterprises; firms; productive capacity; productivity; upgrading;
   inventions; invention; intellectual property; software; data centres; networks; network;
   computers; computing; artificial intelligence; AI; online platforms; platforms
1: investment; investments; capital; modernisation; modernization; efficiency; upgrade;
   private sector; industrialised; developing countries; supply chains; production
2: industrial parks; industrial zones; special economic zones; export processing zones;
   manufacturing sector; manufacturing output; industrial output; industrial production;
   heavy industry; light industry; industrial upgrading; structural transformation;
   technology adoption; technology diffusion; digital transformation; digital technologies;
   internet penetration; internet users; mobile subscriptions; broadband subscriptions; fixed
   broadband; network coverage; digital divide; satellites; cloud computing; big data;
   semiconductor; semiconductors; electronics; machinery; steel; cement; chemicals industry;
   automotive; aerospace; textiles; garment; garments; R&D expenditure; R&D spending; research
   funding; research institutions; research centres; research centers; innovation policy;
   innovation ecosystem; innovators; inventors; technology transfer offices; spin-offs;
   transport networks; road infrastructure; highways; motorways; rail network; high-speed rail;
   shipping lines; air transport; infrastructure investment;
   infrastructure gap; infrastructure projects; infrastructure development; public works
""",
    10: """
3: inequality; inequalities; income inequality; income distribution; wealth distribution;
   redistribution; redistributive; Gini; Gini coefficient; income gap; income gaps;
   wealth gap; disparities; disparity; social inclusion; social exclusion; marginalised
   groups; marginalized groups; discrimination; discriminatory; equal opportunities;
   equality of opportunity; inequality of opportunity; social mobility; intergenerational
   mobility; migration; migrants; migrant; remittances; refugees; asylum seekers; asylum;
   persons with disabilities; people with disabilities; disability; disabilities; ethnic
   minorities; minorities; minority; racial; racism; xenophobia; bottom 40; top 10; top 1;
   income share; income shares; progressive taxation; fiscal policy; wage inequality;
   inclusive growth; shared prosperity; special and differential treatment
2: inclusion; inclusive; exclusion; excluded; marginalised; marginalized; marginalisation;
   marginalization; unequal; equity; equitable; equal; equality; distribution; distributional;
   redistribution; indigenous; indigenous peoples;
   ethnic; ethnicity; race; immigrants; immigration; emigration;
   diaspora; displaced; displacement; elderly; older persons; older people; LGBTI;
   social cohesion; polarisation; polarization; top incomes; median income; deciles;
   quintiles; percentile; richest; wealthiest
1: transfers; taxes; tax; taxation; benefits; developing countries; low-income countries;
   least developed countries; representation;
   voice; poverty; poor; social spending; benefit; opportunities; gap; gaps; rich; wealth;
   affluent; religion
2: income inequality; inequality in income; unequal distribution; economic inequality;
   social inequality; spatial inequality; regional disparities; regional inequalities;
   intergenerational; social stratification; middle class; elite; elites;
   top earners; the rich; super-rich; billionaires; concentration of wealth; wealth
   concentration; inheritance tax; wealth tax; progressive taxes; regressive; tax progressivity;
   equalising; equalizing; labour share; wage share; palma ratio; Lorenz; affirmative action;
   anti-discrimination; equal treatment; caste; Roma; Afro-descendants; Afrodescendants;
   indigenous communities; migrant integration; integration of migrants; safe migration;
   orderly migration; migration policies; migration governance; Global Compact for Migration;
   remittance costs; undocumented; irregular migrants; human mobility
""",
    11: """
3: cities; city; urban; urbanisation; urbanization; urban planning; urban development;
   slums; slum; informal settlements; informal settlement; housing; affordable housing;
   social housing; public transport; public transportation; mass transit; transit; urban
   mobility; road safety; cultural heritage; natural heritage; world heritage; heritage;
   disaster risk reduction; disaster risk management; Sendai Framework; air quality;
   municipal solid waste; solid waste; waste collection; green spaces; public spaces;
   public space; New Urban Agenda; Habitat III; UN-Habitat; human settlements; settlements;
   municipalities; municipality; municipal; metropolitan; metropolis; megacities; towns;
   town; neighbourhoods; neighborhoods; neighbourhood; neighborhood; smart city; smart cities;
   resilient cities; urban sprawl; land use planning; spatial planning; peri-urban;
   urban-rural; rural-urban; zoning; building codes; local governments; local authorities;
   mayor; mayors; city council; urban areas; urban population; inhabitants; residents;
   commuting; commuters; pedestrians; cycling; walkability; walking; sidewalks; parks
2: local government; local; disasters; disaster; natural disasters; resilience; resilient;
   buses; bus; metro; tram; trains; congestion; traffic; vehicles; roads; streets; street;
   buildings; building; construction; real estate; rent; rents; tenants; homeownership;
   homeless; homelessness; evictions; land use; land-use; air pollution; particulate matter;
   PM2.5; noise; waste management; landfill; landfills; culture; cultural; museums;
   monuments; tourism; accessibility; accessible; persons with disabilities; older persons;
   migration; migrants; communities; community; villages; regional development; territorial;
   territories; rural areas; planning; planners; infrastructure; basic services; services
1: population; populations; density; region; regions; regional; place; places; space
2: urban planners; urban design; urban renewal; urban regeneration; gentrification; housing
   market; housing prices; house prices; housing affordability; housing policy; housing
   shortage; public housing; housing units; dwellings; dwelling; overcrowding; overcrowded;
   informal housing; squatters; land tenure security; cadastre; master plan; master plans; urban
   master plan; city planning; town planning; built environment; urban form; compact city;
   density; densification; transit-oriented; bus rapid transit; BRT; light rail; subway;
   ridership; cycle lanes; bike lanes; bicycle; bicycles; car ownership; private cars; traffic
   safety; road crashes; traffic accidents; road deaths; urban resilience; urban heat; heat
   island; urban flooding; urban green; urban parks; open spaces; libraries; cultural sites;
   historic centre; historic center; UNESCO World Heritage; landmarks; city governments; city
   authorities; municipal governments; mayors; local development; local economic development;
   secondary cities; intermediate cities; small towns; rural towns
""",
    12: """
3: sustainable consumption; sustainable production; consumption and production;
   production and consumption; consumption patterns; production patterns; resource efficiency;
   resource use; circular economy; recycling; recycled; recyclable; reuse; re-use; waste
   generation; waste reduction; waste prevention; food waste; food loss; food losses;
   hazardous waste; hazardous chemicals; chemicals management; life cycle; life-cycle;
   lifecycle; life cycle assessment; eco-label; ecolabel; eco-labelling; sustainability
   reporting; corporate sustainability; corporate social responsibility; CSR; responsible
   business; sustainable procurement; green procurement; public procurement; sustainable
   tourism; material footprint; material consumption; domestic material consumption;
   decoupling; decoupled; extended producer responsibility; eco-design; ecodesign; e-waste;
   electronic waste; plastic waste; packaging; sustainable lifestyles; green economy;
   green growth; fossil fuel subsidies; environmental footprint; carbon footprint; footprint;
   footprints; natural resources; resource productivity; waste management; waste; wastes;
   sustainable business; sustainable development; sustainability; sustainable
2: consumption; consumers; consumer; production; producers; products; product; materials;
   raw materials; industrial waste; landfill; compost; composting; chemicals; pollution;
   pollutants; toxic; environmental impact; environmental impacts; environmental management;
   environmental performance; environmental standards; certification; certified; labelling;
   labeling; standards; supply chains; supply chain; value chain; efficiency; green; greener;
   environment; environmental; ecological; companies; corporate; business models; reporting;
   disclosure; investors; ESG; tourism; tourists; plastics; plastic
1: resources; resource; industry; industrial; manufacturing; mining; extraction; demand;
   markets; trade; prices
2: overconsumption; consumerism; throwaway; single-use; single-use plastics; plastic bags;
   bottles; deposit-refund; take-back; repair; refurbishment; remanufacturing; sharing economy;
   product lifetime; planned obsolescence; resource extraction; raw material consumption;
   material flows; material flow accounts; waste streams; municipal waste; industrial waste;
   construction waste; waste incineration; incineration; waste-to-energy; landfilling; upcycling;
   by-products; industrial symbiosis; cleaner production; green chemistry; toxic chemicals;
   persistent organic pollutants; POPs; mercury; asbestos; pesticide residues; Basel
   Convention; Stockholm Convention; Rotterdam Convention; Minamata; REACH; GRI; Global Reporting
   Initiative; integrated reporting; non-financial reporting; ESG reporting; sustainability
   reports; sustainability standards; responsible sourcing; due diligence; fair trade; fairtrade;
   eco-friendly; environmentally friendly; green products; green consumption; ecotourism; food
   loss and waste; post-harvest losses; leftovers; expiry dates
""",
    13: """
3: climate change; climate; global warming; greenhouse gas; greenhouse gases; GHG;
   GHG emissions; carbon emissions; CO2 emissions; carbon dioxide; CO2; mitigation;
   adaptation; climate adaptation; climate mitigation; Paris Agreement; UNFCCC; Kyoto
   Protocol; nationally determined contributions; NDC; NDCs; INDC; INDCs; climate finance;
   Green Climate Fund; low-carbon; low carbon; decarbonisation; decarbonization; carbon
   pricing; carbon price; carbon tax; emissions trading; cap-and-trade; net zero; net-zero;
   carbon neutral; carbon neutrality; extreme weather; extreme events; sea level rise;
   sea-level rise; rising temperatures; temperature rise; climate-related; climate
   resilience; climate-resilient; climate risks; climate risk; climate vulnerability;
   IPCC; adaptive capacity; carbon capture; CCS; climate policy; climate policies;
   climate action; climate impacts; climate hazards; climate variability; emission
   reductions; emissions reduction; natural disasters; disaster risk reduction; disaster
   risk; early warning; early warning systems; Sendai Framework; hurricanes; cyclones;
   typhoons; heatwaves; heat waves; carbon budget; global temperature; climate model;
   climate models; climate scenarios
2: emissions; emission; carbon; resilience; resilient; vulnerability; vulnerable;
   disasters; disaster; floods; flooding; droughts; drought; storms; storm; hazards; hazard;
   weather; temperatures; temperature; warming; fossil fuels; coal; renewable energy;
   renewables; deforestation; REDD+; forests; sinks; sequestration; methane; nitrous oxide;
   preparedness; emergency; risk reduction; insurance; coastal; glaciers; melting; sea ice
1: environmental; environment; energy; risk; risks; impacts; sustainability
2: climate crisis; climate emergency; climate science; climate scientists; climate
   negotiations; Conference of the Parties; emissions targets; emission
   targets; carbon markets; carbon credits; offsetting; carbon offsets; carbon intensity;
   carbon-intensive; GHG inventory; greenhouse gas inventory; mitigation actions; adaptation
   plans; national adaptation plans; NAPs; adaptation finance; loss and damage; climate-proof;
   climate proofing; climate-smart; climate change adaptation; climate change mitigation; global
   mean temperature; 1.5 °C; 2 °C; warming of; heat stress; permafrost; ice sheets; glacier
   retreat; ocean warming; coral bleaching; storm surges; El Niño; La Niña; monsoon; rainfall
   variability; precipitation; climate-induced; climate migration; disaster losses; disaster
   preparedness; disaster response; disaster recovery; disaster-affected; hazard mapping;
   vulnerability assessments; resilience building; build back better
""",
    14: """
3: ocean; oceans; marine; seas; sea; coastal; coasts; coastline; fisheries; fishery;
   fish stocks; overfishing; overfished; fishing; fishers; fishermen; fisherfolk; aquaculture;
   mariculture; coral reefs; coral reef; corals; coral; marine pollution; ocean
   acidification; acidification; marine protected areas; marine protected area; MPA; MPAs;
   mangroves; mangrove; seagrass; marine biodiversity; marine ecosystems; marine ecosystem;
   IUU fishing; illegal fishing; unreported and unregulated; fishing subsidies; fisheries
   subsidies; law of the sea; UNCLOS; blue economy; marine debris; marine litter; ocean
   plastic; seabed; deep-sea; deep sea; high seas; exclusive economic zone; EEZ; maritime;
   marine resources; fish; trawling;
   bycatch; whales; whaling; dolphins; sharks; turtles; seabirds; shellfish; tuna; salmon;
   krill; estuaries; estuary; lagoons; lagoon; beaches; beach; shores; shore; tides; tidal;
   sea surface; nutrient loads; dead zones; oil spill; oil spills; small island developing
   states; SIDS
2: catches; catch; landings; fleet; fleets; vessels; islands; island; shipping; ports;
   fisheries management; quota; quotas; total allowable catch; ITQ; fishing effort; stocks;
   species; biodiversity; ecosystems; ecosystem; habitat; habitats; conservation;
   pollution; plastics; plastic; eutrophication; algae; waters; water; salinity; seafood;
   aquatic; coastal zone; coastal zones; coastal communities; tourism
1: sustainable use; protection; protected areas; waste; dumping; spills; climate change
2: marine environment; marine life; marine species; marine mammals; marine conservation;
   marine spatial planning; ocean governance; ocean health; ocean economy; sustainable fisheries;
   fisheries policy; fish farming; fish farms; fishmeal; fishing grounds; fishing gear; ghost
   nets; driftnets; longline; purse seine; destructive fishing; blast fishing; stock
   assessments; maximum sustainable yield; MSY; regional fisheries management organizations;
   RFMOs; small-scale fisheries; artisanal fisheries; artisanal fishers; coastal management;
   integrated coastal zone management; coastal erosion; coastal wetlands; salt marshes; kelp;
   seaweed; plankton; phytoplankton; hypoxia; marine plastics; microplastics; ocean dumping;
   ballast water; shipping emissions; offshore oil; offshore drilling; deep-sea mining; seabed
   mining; ocean science; oceanography; oceanographic; sturgeon; cod;
   herring; sardines; anchovy; shrimp; oysters; mussels; sea cucumbers
""",
    15: """
3: biodiversity; biological diversity; forests; forest; deforestation; afforestation;
   reforestation; forestry; forest management; sustainable forest management; desertification;
   land degradation; degraded land; degraded lands; soil erosion; erosion; terrestrial
   ecosystems; terrestrial; species; endangered species; threatened species; extinction;
   extinct; wildlife; poaching; poachers; wildlife trafficking; illegal wildlife trade;
   protected areas; protected area; national parks; national park; nature reserves; nature
   reserve; habitat; habitats; habitat loss; invasive species; invasive alien species;
   mountain ecosystems; mountains; drylands; REDD+; REDD; timber; logging; illegal logging;
   Convention on Biological Diversity; CBD; Aichi; Aichi targets; CITES; genetic resources;
   Nagoya Protocol; access and benefit-sharing; ecosystem services; ecosystems; ecosystem;
   ecological; ecology; flora; fauna; plants; animals; wild; fungi; pollinators; biodiversity
   loss; land restoration; restoration; rewilding; grasslands; grassland; rangelands;
   rangeland; pastures; pasture; overgrazing; savannah; savanna; woodland; woodlands;
   trees; tree; tree cover; canopy; peatlands; peatland; wetlands; wetland; soils; soil;
   land use change; land-use change; nature conservation; nature protection; conservation;
   ivory; rhino; elephants; elephant; birds; mammals; insects; amphibians; reptiles;
   biodiversity offsets; offsets; green infrastructure; natural capital; GMO; GMOs;
   genetically modified
2: land; lands; nature; natural; environment; environmental; ecological status; landscape;
   landscapes; rural; agriculture; agricultural land; deserts; desert; sand; dunes; drought;
   droughts; climate change; carbon sinks; sequestration; parks; hunting; trade in species;
   endemic; native; seeds; indigenous; water; rivers
2: forest cover; forest area; forest loss; forest degradation; forest fires; wildfires;
   wildfire; forest certification; FSC; community forestry; community forests; agroforestry;
   plantation forests; old-growth; primary forests; rainforest; rainforests; tropical forests;
   boreal; mangrove forests; land cover; land-cover; soil health; soil fertility; soil
   degradation; soil carbon; topsoil; salinisation of soils; land restoration; landscape
   restoration; ecosystem restoration; biodiversity conservation; biodiversity strategy;
   biodiversity hotspots; species richness; red list; IUCN; ecological corridors; wildlife
   corridors; biological corridor; connectivity of habitats; fragmentation; habitat
   fragmentation; bushmeat; illegal hunting; wildlife products; rhino horn; pangolins; tigers;
   gorillas; primates; bees; pollination; native species; alien species; weeds; seed
   diversity; crop wild relatives; access and benefit sharing; bioprospecting; biopiracy;
   desert; sand dunes; dust storms; land grabbing; mining impacts
""",
    16: """
3: peace; peaceful; peacebuilding; peacekeeping; violence; armed conflict; armed conflicts;
   civil war; homicide; homicides; murder; crime; crimes; criminal justice; access to justice;
   rule of law; corruption; corrupt; bribery; bribes; bribe; accountability; human rights;
   torture; human trafficking; trafficking in persons; child abuse; birth registration;
   legal identity; civil registration; judiciary; judicial; courts; judges; police; policing;
   law enforcement; terrorism; terrorist; terrorists; extremism; extremist; radicalisation;
   radicalization; illicit financial flows; money laundering; organised crime; organized
   crime; arms trafficking; small arms; democracy; democratisation; democratization;
   freedom of expression; press freedom; freedom of the press; media freedom; access to
   information; fundamental freedoms; good governance; impunity; sexual violence; state
   capture; clientelism; anti-corruption; genocide; war crimes; transitional justice;
   ombudsman; government effectiveness; regulatory quality; voice and accountability;
   effective institutions; accountable institutions; inclusive institutions
2: violent; conflict; conflicts; war; wars; criminal; justice; transparency; transparent;
   accountable; trafficking; trafficked; abuse; exploitation; court; judge; tribunals;
   tribunal; prosecution; prosecutor; prosecutors; lawyers; legal aid; weapons; democratic;
   participatory; decision-making; journalists; journalism; public institutions; governance;
   parliament; parliaments; elections; electoral; voters; voting; civil society; detention;
   prisons; prison; prisoners; prisoner; victims; victim; rape; insecurity; legitimacy;
   patronage; lobbying; fraud; extortion; embezzlement; surveillance; censorship;
   reconciliation; refugees; displaced persons; offenders; offences; offence; offenses;
   offense; deterrence; penalties; illicit; rights-based; equality before the law; child
   protection; harassment; discrimination; political stability; state institutions
1: institutions; institutional; security; rights; legal; laws; law; legislation;
   legislative; constitution; constitutional; sanctions; illegal; privacy; government;
   governments; public sector; public administration; bureaucracy; bureaucratic; citizens;
   citizenship; political; politics; policy-making; authorities; enforcement; regulation;
   regulatory; dignity; safety; minors
0.5: public; stakeholders; participation; inclusive; representation; reform; reforms;
   children; youth; state
2: armed groups; militias; insurgency; insurgents; rebels; ceasefire; peace agreement; peace
   agreements; peace process; peace talks; post-conflict; conflict-affected; fragile states;
   fragility; gun violence; firearms; small arms and light weapons; violent deaths; conflict
   deaths; battle deaths; killings; killed; disappearances; enforced disappearances; arbitrary
   detention; pre-trial detention; unsentenced; incarceration; criminal law; penal code;
   sentencing; convictions; acquittal; due process; fair trial; legal empowerment; paralegals;
   informal justice; customary law; dispute resolution; mediation; grievance mechanisms;
   whistleblowers; whistle-blowers; auditors; audit institutions; public procurement fraud;
   asset declarations; conflict of interest; right to information; freedom of information;
   open government; e-government; public service delivery; citizen participation; participatory
   budgeting; social accountability; independent media; human rights defenders; civic space;
   NGOs; hate speech; hate crimes; child soldiers; sexual exploitation; violence against
   children; corporal punishment; bullying; cyberbullying
""",
    17: """
3: global partnership; multi-stakeholder partnerships; multi-stakeholder; public-private
   partnerships; public-private partnership; international cooperation; international
   co-operation; development cooperation; development co-operation; official development
   assistance; ODA; development assistance; foreign aid; donors; donor; development finance;
   financing for development; Addis Ababa Action Agenda; means of implementation; debt
   sustainability; debt relief; debt service; external debt; domestic resource
   mobilisation; domestic resource mobilization; revenue mobilisation; revenue mobilization;
   tax evasion; tax avoidance; tax havens; technology transfer; transfer of technology;
   technology bank; capacity building; capacity-building; capacity development; technical
   assistance; South-South cooperation; South-South co-operation; triangular cooperation;
   triangular co-operation; WTO; World Trade Organization; multilateral trading system;
   least developed countries; LDCs; LDC; landlocked developing countries; LLDCs; policy
   coherence; statistical capacity; national statistical offices; national statistical
   systems; disaggregated data; SDG indicators; multilateralism; concessional; blended finance;
   OECD DAC; macroeconomic stability; global governance; partnership; partnerships
2: aid; PPP; PPPs; foreign direct investment; FDI; tax revenue; tax revenues; tax
   collection; trade agreements; trade policy; tariffs; tariff; non-tariff barriers; market
   access; small island developing states; SIDS; whole-of-government; statistics;
   Millennium Development Goals; MDGs; multilateral; bilateral; development banks; World
   Bank; IMF; International Monetary Fund; DAC; United Nations; remittances; Doha; G20;
   developing countries; developed countries; donor countries; recipient countries;
   cooperation; co-operation; data collection
1: collaboration; collaborative; coordination; co-ordination; international; global;
   funding; finance; financing; investment; investments; loans; grants; trade; exports;
   imports; debt; taxes; tax; taxation; revenue; fiscal; monitoring; indicators; data;
   follow-up; stakeholders; private sector; civil society; national circumstances;
   sustainable development; commitments; pledged; agreements; UN; Sustainable Development
   Goals; SDGs; SDG; 2030 Agenda; Agenda 2030; global goals
0.5: countries; nations; policy; policies; coherence; governance; implementation; investors;
   budget; support; capacity; capacities; reporting; review; institutions; export; import
2: development partners; partner countries; aid effectiveness; development effectiveness;
   Paris Declaration; Busan; Accra Agenda; country ownership; mutual accountability; budget
   support; untied aid; tied aid; grant element; debt crisis; debt distress; sovereign debt;
   public debt; debt restructuring; HIPC; export diversification; trade facilitation; trade
   preferences; duty-free; quota-free; Aid for Trade; enhanced integrated framework; global
   trade; international trade; trade finance; special drawing rights; SDRs; global financial
   architecture; financial stability; capital flows; illicit flows; tax cooperation;
   international tax; base erosion; profit shifting; BEPS; tax treaties; innovative financing;
   private finance; mobilising private finance;
   South-South; North-South; knowledge sharing; peer learning; data gaps; census; household
   surveys; official statistics; statistical offices; data revolution
""",
}

BLOCKERS["en"] = """
water-cooled; water cooled; watercolour; watercolor; waterproof; water-proof; water-based paint;
energy of the team; team energy; energy levels; energy level; energy drink; energy drinks;
kinetic energy; creative energy; new energy; positive energy; high-energy; with energy;
lot of energy; lots of energy; full of energy; energy and enthusiasm; energy and commitment;
poor quality; poor performance; poor state; poor condition; poor conditions; poor governance;
poor coordination; poor co-ordination; poor management; poor data; poor results; poor health;
poor record; poor outcomes; poor access; poor infrastructure; poor planning; poor design;
poor-quality; poor understanding; poor enforcement; poor implementation; poor compliance;
health of the economy; economic health; financial health; health check; health checks;
fiscal health; health of the banking; health of banks; state of health of the economy;
climate of trust; business climate; investment climate; political climate; economic climate;
climate of opinion; climate of fear; social climate; investment climate statements;
ocean of; sea change; sea of; forest of; forests of data; tree structure; decision tree;
decision trees; random forest; random forests; tree-based; family of; family name;
bridge the gap; bridges between; building bridges; bridge between; build bridges;
growth rate of the population; growth of the population; school of thought; schools of thought;
peace of mind; in peace; war for talent; price war; trade war; wars of words;
fishing expedition; fishing for; phishing; pipeline of projects; pipeline projects; deal pipeline;
power of; powers of; power to; balance of power; powerful; purchasing power; market power;
bargaining power; power relations; power dynamics; power structures; powers; empowered;
labour of love; in labor; energy and time; time and energy; gender of nouns; grammatical gender;
justice department; poetic justice; green light; greenlight; green paper; green book;
mountain bike; mountain bikers; mountain of; mountains of; wild card; wildcard; in the wild;
seed funding; seed capital; seed money; seed round; harvest the; harvesting data; data harvesting;
crop up; crops up; cropped; the field of; fields of; a field; in the field; field study;
field work; fieldwork; root of; roots of; grassroots; grass-roots; landmark; landmarks;
water down; watered down; waters down; in hot water; fresh start; climate of
"""

NEGATION_CUES["en"] = """
unrelated to; not related to; not about; nothing to do with; no relation to; no link to;
irrespective of; regardless of
"""

# ---------------------------------------------------------------------------------------------
# Spanish
# ---------------------------------------------------------------------------------------------
TERMS["es"] = {
    1: """
3: pobreza; pobreza extrema; extrema pobreza; línea de pobreza; umbral de pobreza;
   tasa de pobreza; reducción de la pobreza; lucha contra la pobreza; erradicar la pobreza;
   protección social; redes de protección social; red de protección social;
   transferencias monetarias; transferencias condicionadas; privación material; indigencia;
   hogares pobres; familias pobres; personas pobres; los pobres; los más pobres;
   empobrecimiento; empobrecidos; ingreso mínimo; renta mínima; pobreza multidimensional;
   piso de protección social; pisos de protección social
2: asistencia social; seguridad social; prestaciones sociales; subsidios; ayudas sociales;
   pobres; hogares de bajos ingresos; bajos ingresos; microfinanzas; microcrédito;
   microcréditos; renta básica; pensiones no contributivas; nivel de vida; vulnerabilidad;
   hogares vulnerables; privación; carencias; asentamientos precarios
1: bienestar; servicios básicos; recursos económicos; derechos sobre la tierra; pensión;
   pensiones; gasto social; sin hogar; personas sin hogar; subsistencia
0.5: vulnerables; desfavorecidos; marginados; medios de vida
""",
    2: """
3: hambre; seguridad alimentaria; inseguridad alimentaria; malnutrición; desnutrición;
   subalimentación; retraso del crecimiento; emaciación; hambruna; agricultura sostenible;
   pequeños agricultores; pequeños productores; productividad agrícola; producción de
   alimentos; sistemas alimentarios; agricultura familiar; agroalimentario; agroalimentaria;
   hambre cero
2: agricultura; agrícola; agrícolas; agricultores; agricultor; campesinos; campesino;
   campesinas; explotaciones agrícolas; cultivo; cultivos; cosecha; cosechas; ganadería;
   ganado; precios de los alimentos; alimentos básicos; nutrición; nutricional; ayuda
   alimentaria; comedores escolares; alimentación escolar; fertilizantes; abonos;
   agroecología; agroforestería; cereales; maíz; trigo; arroz; semillas; desarrollo rural;
   pastores; agroindustria; subsidios agrícolas; crisis alimentaria; micronutrientes;
   anemia; lactancia materna; alimentación; alimentaria; alimentario
1: riego; plaguicidas; pesticidas; herbicidas; rendimiento; rendimientos; alimentos;
   alimento; dieta; dietas; recursos genéticos; aves de corral; lácteos; pastoreo;
   mecanización; tenencia de la tierra; cultivable; tierras agrícolas; inocuidad de los
   alimentos; horticultura; veterinaria; sanidad animal; rural; rurales
0.5: tierra; tierras; productores; mercados
""",
    3: """
3: atención sanitaria; atención de salud; atención médica; salud pública; mortalidad
   materna; mortalidad infantil; mortalidad neonatal; VIH; sida; tuberculosis; malaria;
   paludismo; hepatitis; enfermedades tropicales desatendidas; enfermedades no
   transmisibles; ENT; cobertura sanitaria universal; cobertura universal de salud; vacuna;
   vacunas; vacunación; inmunización; salud mental; epidemia; pandemia; COVID-19; COVID;
   servicios de salud; sistema de salud; sistemas de salud; sistema sanitario; personal
   sanitario; trabajadores de la salud; seguro de salud; seguro médico; medicamentos
   esenciales; Organización Mundial de la Salud; OMS; esperanza de vida; tasa de
   mortalidad; enfermedades; enfermedad; salud sexual y reproductiva; salud reproductiva;
   planificación familiar; anticonceptivos; anticoncepción
2: salud; sanitario; sanitaria; sanitarios; saludable; saludables; hospital; hospitales;
   pacientes; paciente; médico; médicos; médica; medicina; medicamentos; clínica; clínicas;
   enfermeras; enfermeros; enfermería; parteras; diagnóstico; tratamiento; tratamientos;
   fármacos; farmacéutica; cáncer; diabetes; cardiovasculares; obesidad; tabaco; tabaquismo;
   alcohol; drogas; consumo de sustancias; suicidio; accidentes de tráfico; infecciosas;
   infección; infecciones; mortalidad; morbilidad; prenatal; neonatos; recién nacidos;
   virus; brote; lesiones; muertes; defunciones; higiene; demencia; depresión; atención
   primaria; bienestar
1: cuidados; contaminación del aire; nacimientos; crónicas; prevención; clínico; cirugía
""",
    4: """
3: educación; educativo; educativa; educativos; educativas; escolarización; educación de
   calidad; alfabetización; analfabetismo; escuela; escuelas; colegio; colegios; estudiantes;
   estudiante; alumnos; alumnas; alumno; docentes; docente; maestros; maestras; maestro;
   profesores; profesorado; enseñanza; currículo; currículum; planes de estudio;
   educación superior; educación terciaria; formación profesional; educación técnica;
   educación primaria; educación secundaria; enseñanza primaria; enseñanza secundaria;
   educación preescolar; educación inicial; primera infancia; matrícula; matriculación;
   aprendizaje permanente; aprendizaje a lo largo de la vida; universidades; universidad;
   becas; beca; aulas; aula; abandono escolar; deserción escolar; fuera de la escuela;
   logro educativo; resultados de aprendizaje; sistema educativo
2: aprendizaje; competencias; habilidades; titulados; graduados; egresados; académico;
   académica; títulos; diploma; aprendices; capacitación; cursos; evaluación; exámenes;
   pedagogía; pedagógico; educación de adultos; educación para el desarrollo sostenible;
   ciudadanía mundial; estudiar; estudios
1: formación; conocimientos; jóvenes; niños; niñas; infancia
""",
    5: """
3: igualdad de género; desigualdad de género; género; mujeres; mujer; niñas; violencia de
   género; violencia contra las mujeres; violencia contra la mujer; violencia doméstica;
   violencia intrafamiliar; matrimonio infantil; matrimonio precoz; matrimonio forzado;
   mutilación genital femenina; empoderamiento de las mujeres; empoderamiento de la mujer;
   brecha de género; brecha salarial; acoso sexual; machismo; feminismo; feminista;
   cuidados no remunerados; trabajo doméstico no remunerado; derechos de las mujeres;
   licencia de maternidad; licencia de paternidad; permiso de maternidad; permiso de
   paternidad; participación de las mujeres; paridad de género; perspectiva de género;
   enfoque de género; transversalización de género; feminicidio; femicidio
2: femenino; femenina; madres; madre; esposas; viudas; hijas; violencia sexual; violación;
   derechos reproductivos; aborto; materna; embarazo; embarazadas; cuidado infantil;
   trabajo de cuidados; empresarias; salud sexual y reproductiva; igualdad salarial;
   discriminación contra la mujer; patriarcal; hombres y mujeres; mujeres y hombres;
   matrimonio; herencia
1: familia; familias; trabajo doméstico; cuidados; empoderamiento; acoso; LGBTI
0.5: hombres; varones; niños
""",
    6: """
3: agua potable; agua segura; abastecimiento de agua; suministro de agua; saneamiento;
   aguas residuales; alcantarillado; higiene; recursos hídricos; gestión del agua; calidad
   del agua; contaminación del agua; agua dulce; aguas subterráneas; acuífero; acuíferos;
   cuenca hidrográfica; cuencas hidrográficas; cuenca; cuencas; escasez de agua; estrés
   hídrico; uso eficiente del agua; extracción de agua; gestión integrada de los recursos
   hídricos; aguas transfronterizas; servicios de agua; infraestructura hídrica; letrinas;
   inodoros; defecación al aire libre; lavado de manos; desalinización; tratamiento de agua;
   tratamiento de aguas; tarifas de agua; seguridad hídrica; hídrico; hídrica; hídricos
2: agua; aguas; ríos; río; lagos; lago; humedales; humedal; embalses; embalse; presas;
   represas; riego; hidrológico; hidrológica; inundaciones; sequía; sequías; arroyos;
   manantiales; pozos; tuberías; eutrofización; efluentes; acuáticos; acuáticas;
   escorrentía; glaciares
1: contaminación; contaminantes; contaminado; contaminada; productos químicos;
   infraestructura; servicios municipales
""",
    7: """
3: energías renovables; energía renovable; renovables; electricidad; eléctrica;
   eléctrico; generación eléctrica; centrales eléctricas; central eléctrica; solar;
   fotovoltaica; fotovoltaico; energía eólica; eólica; eólico; parques eólicos;
   hidroeléctrica; hidroeléctricas; geotérmica; bioenergía; biocombustibles; biomasa;
   eficiencia energética; acceso a la electricidad; acceso a la energía; electrificación;
   cocina limpia; combustibles fósiles; carbón; gas natural; petróleo; seguridad energética;
   consumo energético; consumo de energía; matriz energética; transición energética;
   sector energético; política energética; red eléctrica; redes eléctricas; minirredes;
   fuera de la red; kWh; MWh; megavatios; gigavatios; energía nuclear; almacenamiento de
   energía; baterías; tarifas eléctricas; subsidios a los combustibles; energía limpia;
   energético; energética; energéticos; energéticas
2: energía; combustible; combustibles; gas; diésel; gasolina; queroseno; etanol; biodiésel;
   hidrógeno; vehículos eléctricos; calefacción; refrigeración; aislamiento; iluminación;
   capacidad instalada; transmisión; MW; GW; turbinas; leña; carbón vegetal
1: emisiones; eficiencia; carbono; descarboniz*; clima; edificios
""",
    8: """
3: empleo; desempleo; desempleados; desocupación; trabajo decente; puestos de trabajo;
   creación de empleo; mercado laboral; mercado de trabajo; mercados laborales; crecimiento
   económico; crecimiento del PIB; economía informal; sector informal; informalidad;
   empleo informal; trabajo infantil; trabajo forzoso; empleo juvenil; desempleo juvenil;
   ninis; derechos laborales; seguridad y salud en el trabajo; condiciones de trabajo;
   condiciones laborales; salarios; salario; salario mínimo; fuerza laboral; fuerza de
   trabajo; trabajadores; trabajadoras; trabajador; empleados; empleadores; sindicatos;
   sindicato; negociación colectiva; empleo productivo; productividad laboral;
   emprendimiento; emprendedores; trabajo por cuenta propia; autónomos; microempresas;
   pymes; pequeñas y medianas empresas; legislación laboral; esclavitud moderna; turismo
   sostenible
2: trabajo; empleado; empleador; ingresos laborales; laboral; laborales; productividad;
   turismo; turistas; PIB; producto interno bruto; producto interior bruto; desarrollo
   económico; recesión; desaceleración; empresas; negocios; acceso a la financiación;
   inclusión financiera; cuentas bancarias; servicios financieros; contratación; despidos;
   contratos temporales; ocupación; ocupaciones; remuneración; sueldos; migrantes laborales
1: crecimiento; economía; económico; económica; ingresos; inversión; mercados;
   competitividad; macroeconómica; inflación; exportaciones; comercio
""",
    9: """
3: infraestructura; infraestructuras; industrialización; manufactura; manufacturera;
   manufactureras; innovación; investigación y desarrollo; I+D; I+D+i; banda ancha; acceso a
   internet; redes móviles; telecomunicaciones; TIC; infraestructura digital; infraestructura
   de transporte; infraestructuras resilientes; desarrollo industrial; política industrial;
   industrias; industria 4.0; cadenas de valor; cadenas globales de valor; pequeñas
   industrias; capacidades tecnológicas; investigadores; investigación científica; patentes;
   alta tecnología; conectividad; economía digital; comercio electrónico; telefonía móvil;
   teléfonos móviles; internet; fibra óptica; 4G; 5G
2: industria; industrial; industriales; fábricas; fábrica; tecnología; tecnologías;
   tecnológico; tecnológica; digital; digitalización; automatización; robots; robótica;
   carreteras; red vial; ferrocarril; ferrocarriles; puertos; puerto; aeropuertos;
   logística; transporte; puentes; construcción; ingeniería; ciencia; científico;
   científica; parques tecnológicos; incubadoras; capital riesgo; propiedad intelectual;
   software; inteligencia artificial; plataformas digitales
1: inversión; inversiones; modernización; sector privado; cadenas de suministro;
   producción
""",
    10: """
3: desigualdad; desigualdades; desigualdad de ingresos; distribución del ingreso;
   distribución de la riqueza; redistribución; redistributiva; redistributivo; Gini;
   coeficiente de Gini; brecha de ingresos; disparidades; inclusión social; exclusión
   social; grupos marginados; discriminación; discriminatorias; igualdad de oportunidades;
   movilidad social; migración; migraciones; migrantes; migrante; remesas; refugiados;
   solicitantes de asilo; asilo; personas con discapacidad; discapacidad; minorías
   étnicas; minorías; racismo; xenofobia; 40% más pobre; tributación progresiva;
   crecimiento inclusivo; trato especial y diferenciado
2: inclusión; inclusivo; inclusiva; exclusión; excluidos; marginación; desigual;
   desiguales; equidad; equitativo; equitativa; igualdad; distribución; pueblos indígenas;
   indígenas; étnico; étnica; raza; religión;
   inmigrantes; inmigración; emigración; diáspora; desplazados; desplazamiento; personas
   mayores; adultos mayores; cohesión social; polarización; deciles; quintiles; ricos;
   riqueza
1: transferencias; impuestos; fiscal; países en desarrollo; países menos adelantados;
   representación; pobreza; gasto social;
   oportunidades; brecha; brechas
""",
    11: """
3: ciudades; ciudad; urbano; urbana; urbanos; urbanas; urbanización; planificación urbana;
   desarrollo urbano; barrios marginales; tugurios; asentamientos informales; asentamientos
   irregulares; vivienda; viviendas; vivienda asequible; vivienda social; transporte
   público; movilidad urbana; seguridad vial; patrimonio cultural; patrimonio natural;
   patrimonio; reducción del riesgo de desastres; gestión del riesgo de desastres; Marco de
   Sendai; calidad del aire; residuos sólidos; residuos sólidos urbanos; recolección de
   residuos; espacios verdes; espacios públicos; zonas verdes; Nueva Agenda Urbana; Hábitat
   III; ONU-Hábitat; asentamientos humanos; municipios; municipio; municipal; municipales;
   metropolitana; metropolitano; área metropolitana; pueblos; barrio; barrios; ciudades
   inteligentes; ciudad inteligente; expansión urbana; ordenamiento territorial;
   planificación territorial; periurbano; periurbanas; gobiernos locales; autoridades
   locales; alcalde; alcaldesa; alcaldía; ayuntamiento; concejo municipal; zonas urbanas;
   habitantes; residentes; peatones; ciclovías; bicicleta; parques
2: gobierno local; local; locales; desastres; desastre; resiliencia; resiliente;
   autobuses; metro; tranvía; congestión; tráfico; vehículos; calles; edificios;
   alquiler; desalojos; uso del suelo; contaminación del aire; ruido; gestión de residuos;
   vertederos; cultura; cultural; museos; accesibilidad; accesible; comunidades;
   comunidad; territorial; territorio; planificación; servicios básicos
1: población; densidad; región; regiones; regional
""",
    12: """
3: consumo sostenible; producción sostenible; consumo y producción; producción y consumo;
   patrones de consumo; modalidades de consumo; eficiencia de los recursos; uso de los
   recursos; economía circular; reciclaje; reciclado; reciclados; reutilización; generación
   de residuos; reducción de residuos; desperdicio de alimentos; pérdida de alimentos;
   pérdidas de alimentos; residuos peligrosos; productos químicos peligrosos; gestión de
   productos químicos; ciclo de vida; análisis de ciclo de vida; ecoetiqueta; etiquetado
   ecológico; informes de sostenibilidad; memoria de sostenibilidad; responsabilidad social
   corporativa; responsabilidad social empresarial; RSC; RSE; compras públicas sostenibles;
   contratación pública sostenible; compras públicas; turismo sostenible; huella material;
   consumo material; desacoplamiento; responsabilidad extendida del productor; ecodiseño;
   residuos electrónicos; residuos plásticos; envases; embalajes; estilos de vida
   sostenibles; economía verde; crecimiento verde; subsidios a los combustibles fósiles;
   huella ambiental; huella de carbono; huella; recursos naturales; gestión de residuos;
   residuos; desechos; sostenibilidad; sostenible; sostenibles; desarrollo sostenible
2: consumo; consumidores; producción; productores; productos; materiales; materias primas;
   compostaje; productos químicos; contaminación; tóxicos; impacto ambiental; gestión
   ambiental; certificación; etiquetado; normas; cadena de suministro; cadenas de
   suministro; cadena de valor; eficiencia; verde; medio ambiente; ambiental; ambientales;
   empresas; corporativa; modelos de negocio; turismo; plásticos; plástico
1: recursos; industria; minería; extracción; demanda; mercados; comercio
""",
    13: """
3: cambio climático; clima; calentamiento global; gases de efecto invernadero; gas de
   efecto invernadero; GEI; emisiones de carbono; emisiones de CO2; dióxido de carbono;
   CO2; mitigación; adaptación; adaptación al cambio climático; Acuerdo de París; CMNUCC;
   Protocolo de Kioto; contribuciones determinadas a nivel nacional; CDN; NDC;
   financiamiento climático; financiación climática; Fondo Verde para el Clima; bajo en
   carbono; bajas emisiones; descarbonización; precio del carbono; impuesto al carbono;
   comercio de emisiones; cero emisiones netas; neutralidad de carbono; fenómenos
   meteorológicos extremos; eventos extremos; aumento del nivel del mar; subida del nivel
   del mar; aumento de la temperatura; relacionados con el clima; resiliencia climática;
   riesgos climáticos; vulnerabilidad climática; IPCC; capacidad de adaptación; captura de
   carbono; política climática; acción climática; impactos climáticos; variabilidad
   climática; reducción de emisiones; desastres naturales; reducción del riesgo de
   desastres; riesgo de desastres; alerta temprana; sistemas de alerta temprana; Marco de
   Sendai; huracanes; ciclones; olas de calor; climático; climática; climáticos; climáticas
2: emisiones; emisión; carbono; resiliencia; vulnerabilidad; vulnerables; desastres;
   inundaciones; sequías; sequía; tormentas; amenazas; temperaturas; temperatura;
   calentamiento; combustibles fósiles; renovables; deforestación; REDD+; sumideros;
   metano; preparación; emergencia; seguros; costeras; glaciares
1: ambiental; medio ambiente; energía; riesgo; riesgos; impactos; sostenibilidad
""",
    14: """
3: océano; océanos; marino; marina; marinos; marinas; mares; mar; costero; costera;
   costeros; costeras; litoral; pesca; pesquerías; pesquería; pesquero; pesquera;
   pesqueros; poblaciones de peces; sobrepesca; pescadores; pescadoras; acuicultura;
   arrecifes de coral; arrecifes; corales; coral; contaminación marina; acidificación de
   los océanos; acidificación; áreas marinas protegidas; área marina protegida; manglares;
   manglar; praderas marinas; biodiversidad marina; ecosistemas marinos; pesca ilegal; pesca
   INDNR; no declarada y no reglamentada; subsidios a la pesca; subvenciones a la pesca;
   derecho del mar; CONVEMAR; economía azul; desechos marinos; basura marina; plásticos en
   el océano; fondos marinos; aguas profundas; alta mar; zona económica exclusiva; ZEE;
   marítimo; marítima; recursos marinos; peces; pescado; arrastre; captura incidental; ballenas;
   delfines;
   tiburones; tortugas; mariscos; atún; estuarios; estuario; lagunas costeras; playas;
   playa; mareas; vertidos de petróleo; derrame de petróleo; pequeños Estados insulares en
   desarrollo; PEID
2: capturas; desembarques; flota; flotas; buques; embarcaciones; islas; isla; cuotas; cuota;
   especies; biodiversidad; ecosistemas; hábitat; hábitats; conservación;
   contaminación; plásticos; eutrofización; algas; aguas; salinidad; acuáticos;
   comunidades costeras; turismo
1: uso sostenible; protección; áreas protegidas; residuos; vertidos; cambio climático
""",
    15: """
3: biodiversidad; diversidad biológica; bosques; bosque; deforestación; forestación;
   reforestación; silvicultura; forestal; forestales; gestión forestal; gestión forestal
   sostenible; desertificación; degradación de la tierra; degradación de las tierras;
   tierras degradadas; erosión del suelo; erosión; ecosistemas terrestres; terrestres;
   especies; especies amenazadas; especies en peligro; en peligro de extinción; extinción;
   fauna silvestre; vida silvestre; caza furtiva; furtivos; tráfico de vida silvestre;
   comercio ilegal de especies; áreas protegidas; área protegida; parques nacionales;
   parque nacional; reservas naturales; reserva natural; hábitat; hábitats; pérdida de
   hábitat; especies invasoras; especies exóticas invasoras; ecosistemas de montaña;
   montañas; tierras secas; zonas áridas; REDD+; madera; tala; tala ilegal; Convenio sobre
   la Diversidad Biológica; CDB; Aichi; CITES; recursos genéticos; Protocolo de Nagoya;
   servicios ecosistémicos; ecosistemas; ecosistema; ecológico; ecológica; ecología; flora;
   fauna; plantas; animales; silvestre; silvestres; polinizadores; pérdida de
   biodiversidad; restauración; pastizales; praderas; sobrepastoreo; sabana; árboles;
   árbol; cobertura forestal; turberas; humedales; humedal; suelos; suelo; cambio de uso
   del suelo; conservación de la naturaleza; conservación; marfil; rinoceronte; elefantes;
   aves; mamíferos; insectos; anfibios; reptiles; capital natural; transgénicos;
   genéticamente modificados
2: tierra; tierras; naturaleza; natural; naturales; medio ambiente; ambiental; paisaje;
   paisajes; rural; agricultura; desiertos; desierto; sequía; cambio climático; sumideros
   de carbono; caza; endémicas; nativas; semillas; indígenas
""",
    16: """
3: paz; consolidación de la paz; mantenimiento de la paz; violencia; conflicto armado;
   conflictos armados; guerra civil; homicidio; homicidios; asesinato; asesinatos; delito;
   delitos; delincuencia; crimen; justicia penal; acceso a la justicia; Estado de derecho;
   estado de derecho; corrupción; corrupto; soborno; sobornos; rendición de cuentas;
   derechos humanos; tortura; trata de personas; tráfico de personas; abuso infantil;
   maltrato infantil; registro de nacimientos; identidad jurídica; registro civil; poder
   judicial; judicial; tribunales; jueces; policía; fuerzas del orden; terrorismo;
   terrorista; extremismo; extremista; radicalización; flujos financieros ilícitos; blanqueo
   de capitales; lavado de dinero; delincuencia organizada; crimen organizado; tráfico de
   armas; armas pequeñas; democracia; democratización; libertad de expresión; libertad de
   prensa; acceso a la información; libertades fundamentales; buen gobierno; impunidad;
   violencia sexual; clientelismo; anticorrupción; genocidio; crímenes de guerra; justicia
   transicional; defensor del pueblo; instituciones eficaces; instituciones inclusivas
2: pacífico; pacífica; pacíficas; violento; violenta; violentos; conflicto; conflictos;
   guerra; guerras; criminal; justicia; transparencia; transparente; trata; abuso;
   explotación; tribunal; juez; fiscalía; fiscal general; abogados; asistencia jurídica;
   armas; democrático; democrática; participativo; participativa; toma de decisiones;
   periodistas; periodismo; instituciones públicas; gobernanza; gobernabilidad; parlamento;
   elecciones; electoral; votantes; sociedad civil; detención; cárceles; cárcel; prisiones;
   presos; reclusos; víctimas; víctima; violación; inseguridad; seguridad ciudadana;
   legitimidad; fraude; extorsión; malversación; vigilancia; censura; reconciliación;
   refugiados; delincuentes; penas; ilícito; ilícitos; protección de la infancia; acoso;
   discriminación; grupos armados; pandillas; maras; desapariciones forzadas
1: instituciones; institucional; seguridad; derechos; jurídico; jurídica; leyes; ley;
   legislación; legislativo; constitución; constitucional; sanciones; ilegal; ilegales;
   privacidad; gobierno; gobiernos; sector público; administración pública; burocracia;
   ciudadanos; ciudadanía; político; política; autoridades; regulación; dignidad
0.5: público; pública; participación; inclusivas; representación; reforma; reformas; niños;
   menores; Estado
""",
    17: """
3: alianza mundial; asociación mundial; alianzas de múltiples partes interesadas; múltiples
   actores; alianzas público-privadas; asociaciones público-privadas; cooperación
   internacional; cooperación para el desarrollo; asistencia oficial para el desarrollo;
   AOD; ayuda oficial al desarrollo; ayuda al desarrollo; ayuda externa; donantes; donante;
   financiación para el desarrollo; financiamiento para el desarrollo; Agenda de Acción de
   Addis Abeba; medios de implementación; sostenibilidad de la deuda; alivio de la deuda;
   servicio de la deuda; deuda externa; movilización de recursos internos; evasión fiscal;
   elusión fiscal; paraísos fiscales; transferencia de tecnología; banco de tecnología;
   creación de capacidades; fortalecimiento de capacidades; desarrollo de capacidades;
   asistencia técnica; cooperación Sur-Sur; cooperación triangular; OMC; Organización
   Mundial del Comercio; sistema multilateral de comercio; países menos adelantados; PMA;
   países en desarrollo sin litoral; coherencia de políticas; capacidad estadística;
   oficinas nacionales de estadística; sistemas estadísticos nacionales; datos desglosados;
   indicadores de los ODS; multilateralismo; concesional; financiación combinada;
   estabilidad macroeconómica; gobernanza mundial; alianza; alianzas
2: APP; inversión extranjera directa; IED; ingresos fiscales; recaudación; recaudación
   tributaria; acuerdos comerciales; política comercial; aranceles; arancel; barreras no
   arancelarias; acceso a los mercados; pequeños Estados insulares en desarrollo; PEID;
   estadísticas; Objetivos de Desarrollo del Milenio; ODM; multilateral; bilateral; bancos
   de desarrollo; Banco Mundial; FMI; Fondo Monetario Internacional; Naciones Unidas; remesas;
   G20; países en desarrollo; países desarrollados; cooperación; recopilación de datos;
   socios para el desarrollo; eficacia de la ayuda; apoyo presupuestario; crisis de la deuda;
   deuda soberana; facilitación del comercio; Ayuda para el Comercio
1: colaboración; coordinación; internacional; internacionales; mundial; global;
   financiación; financiamiento; inversión; préstamos; subvenciones; comercio;
   exportaciones; importaciones; deuda; impuestos; tributación; fiscal; seguimiento;
   monitoreo; indicadores; datos; partes interesadas; sector privado; sociedad civil;
   desarrollo sostenible; compromisos; acuerdos; ONU; Objetivos de Desarrollo Sostenible;
   ODS; Agenda 2030
0.5: países; país; naciones; políticas; coherencia; implementación; presupuesto; apoyo;
   capacidades; informes; examen; instituciones
""",
}

BLOCKERS["es"] = """
refrigerado por agua; refrigerados por agua; a prueba de agua; acuarela; energía del equipo;
energía positiva; bebida energética; bebidas energéticas; niveles de energía; con energía;
mucha energía; mucho entusiasmo y energía; energía y entusiasmo;
mala calidad; bajo rendimiento; salud económica; salud financiera; salud de la economía;
clima de negocios; clima de inversión; clima político; clima económico; clima de confianza;
clima social; clima laboral; árbol de decisión; árboles de decisión; bosque aleatorio;
nombre de familia; tender puentes; escuela de pensamiento; paz mental; guerra de precios;
guerra comercial; capital semilla; poder adquisitivo; poder de mercado; poder de negociación;
relaciones de poder; trabajo de campo; estudio de campo; bicicleta de montaña
"""

NEGATION_CUES["es"] = """
sin relación con; no relacionado con; no relacionada con; nada que ver con; no trata de;
independientemente de
"""

# ---------------------------------------------------------------------------------------------
# French
# ---------------------------------------------------------------------------------------------
TERMS["fr"] = {
    1: """
3: pauvreté; extrême pauvreté; pauvreté extrême; seuil de pauvreté; taux de pauvreté;
   réduction de la pauvreté; lutte contre la pauvreté; éliminer la pauvreté; protection
   sociale; filets de sécurité sociale; filet de sécurité; filets de sécurité; transferts
   monétaires; transferts en espèces; transferts conditionnels; privation matérielle;
   privations matérielles; indigence; ménages pauvres; familles pauvres; personnes pauvres;
   les pauvres; les plus pauvres; appauvrissement; revenu minimum; revenu de solidarité;
   RSA; pauvreté multidimensionnelle; socle de protection sociale; socles de protection
   sociale; précarité
2: aide sociale; assistance sociale; sécurité sociale; prestations sociales; minima
   sociaux; allocations; pauvres; ménages à faible revenu; faibles revenus; bas revenus;
   microfinance; microcrédit; revenu de base; niveau de vie; vulnérabilité; ménages
   vulnérables; privation; privations; bidonvilles; précaire; précaires
1: bien-être; services de base; ressources économiques; droits fonciers; pension;
   pensions; retraite; dépenses sociales; sans-abri; sans abri; sans domicile; subsistance
0.5: vulnérables; défavorisés; marginalisés; moyens de subsistance
""",
    2: """
3: faim; sécurité alimentaire; insécurité alimentaire; malnutrition; dénutrition;
   sous-alimentation; sous-nutrition; retard de croissance; émaciation; famine; agriculture
   durable; petits exploitants; petits agriculteurs; petits producteurs; productivité
   agricole; production alimentaire; systèmes alimentaires; agriculture familiale;
   agroalimentaire; faim zéro
2: agriculture; agricole; agricoles; agriculteurs; agricultrices; agriculteur; paysans;
   paysannes; paysan; exploitations agricoles; exploitation agricole; culture vivrière;
   cultures vivrières; récolte; récoltes; élevage; bétail; prix des denrées alimentaires;
   prix alimentaires; denrées alimentaires; denrées de base; nutrition; nutritionnel;
   nutritionnelle; aide alimentaire; cantines scolaires; repas scolaires; engrais;
   agroécologie; agroforesterie; céréales; maïs; blé; riz; mil; sorgho; manioc; semences;
   développement rural; éleveurs; pasteurs; agro-industrie; subventions agricoles; crise
   alimentaire; micronutriments; anémie; allaitement; alimentation; alimentaire;
   alimentaires
1: irrigation; pesticides; herbicides; rendement; rendements; aliments; nourriture;
   régime alimentaire; ressources génétiques; volailles; laitier; laitiers; pâturage;
   mécanisation; régime foncier; foncier; foncière; terres arables; terres agricoles;
   sécurité sanitaire des aliments; horticulture; vétérinaire; santé animale; rural;
   rurale; ruraux; rurales
0.5: terre; terres; producteurs; marchés
""",
    3: """
3: soins de santé; santé publique; mortalité maternelle; mortalité infantile; mortalité
   néonatale; VIH; sida; tuberculose; paludisme; hépatite; maladies tropicales négligées;
   maladies non transmissibles; MNT; couverture sanitaire universelle; couverture santé
   universelle; vaccin; vaccins; vaccination; immunisation; santé mentale; épidémie;
   pandémie; COVID-19; COVID; services de santé; système de santé; systèmes de santé;
   personnel de santé; agents de santé; professionnels de santé; assurance maladie;
   médicaments essentiels; Organisation mondiale de la santé; OMS; espérance de vie; taux
   de mortalité; maladies; maladie; santé sexuelle et reproductive; santé reproductive;
   santé procréative; planification familiale; contraception; contraceptifs
2: santé; sanitaire; sanitaires; hôpital; hôpitaux; patients; patient; patientes; médecin;
   médecins; médical; médicale; médicaux; médecine; médicaments; clinique; cliniques;
   infirmières; infirmiers; sages-femmes; diagnostic; traitement; traitements;
   pharmaceutique; cancer; diabète; cardiovasculaires; obésité; tabac; tabagisme; alcool;
   drogues; toxicomanie; suicide; accidents de la route; infectieuses; infection;
   infections; mortalité; morbidité; prénatal; prénatals; nouveau-nés; virus; flambée;
   blessures; décès; hygiène; démence; dépression; soins primaires
1: soins; pollution de l'air; naissances; chroniques; prévention; chirurgie
""",
    4: """
3: éducation; éducatif; éducative; éducatifs; éducatives; scolarisation; scolarité;
   éducation de qualité; alphabétisation; analphabétisme; école; écoles; élèves; élève;
   étudiants; étudiantes; étudiant; enseignants; enseignantes; enseignant; professeurs;
   instituteurs; enseignement; programmes scolaires; programme scolaire; curriculum;
   enseignement supérieur; enseignement tertiaire; formation professionnelle; enseignement
   technique; enseignement primaire; enseignement secondaire; collège; lycée; lycées;
   éducation préscolaire; préscolaire; maternelle; petite enfance; inscriptions;
   inscription scolaire; apprentissage tout au long de la vie; formation tout au long de
   la vie; universités; université; bourses d'études; bourse d'études; bourses; salles de
   classe; salle de classe; décrochage scolaire; abandon scolaire; déscolarisés; niveau
   d'instruction; acquis scolaires; résultats d'apprentissage; système éducatif; scolaire;
   scolaires
2: apprentissage; apprentissages; compétences; diplômés; diplômées; diplôme; diplômes;
   académique; universitaire; universitaires; apprentis; évaluation; examens;
   pédagogie; pédagogique; éducation des adultes; éducation au développement durable;
   citoyenneté mondiale; études; étudier
1: formation; formations; connaissances; jeunes; enfants; enfance
""",
    5: """
3: égalité des sexes; égalité femmes-hommes; égalité entre les femmes et les hommes;
   égalité de genre; inégalités de genre; inégalités entre les sexes; genre; femmes; femme;
   filles; violence fondée sur le genre; violences faites aux femmes; violence à l'égard des
   femmes; violences conjugales; violence domestique; violences domestiques; mariage
   d'enfants; mariage précoce; mariages précoces; mariage forcé; mutilations génitales
   féminines; MGF; autonomisation des femmes; écart entre les sexes; écart salarial;
   harcèlement sexuel; sexisme; féminisme; féministe; travail de soins non rémunéré; travail
   domestique non rémunéré; droits des femmes; congé de maternité; congé de paternité;
   congé parental; participation des femmes; parité; sensible au genre; approche genre;
   intégration du genre; féminicide
2: féminin; féminine; féminins; féminines; mères; mère; épouses; veuves; veuve; violences
   sexuelles; violence sexuelle; viol; droits reproductifs; avortement; IVG; maternelle;
   grossesse; enceintes; accouchement; garde d'enfants; santé sexuelle et reproductive;
   égalité salariale; discrimination à l'égard des femmes; patriarcal; patriarcale; hommes
   et femmes; femmes et hommes; mariage; héritage; entrepreneuriat féminin
1: famille; familles; travail domestique; autonomisation; harcèlement; LGBTI
0.5: hommes; garçons
""",
    6: """
3: eau potable; approvisionnement en eau; alimentation en eau; assainissement; eaux usées;
   égouts; hygiène; ressources en eau; gestion de l'eau; qualité de l'eau; pollution de
   l'eau; eau douce; eaux souterraines; nappe phréatique; nappes phréatiques; aquifère;
   aquifères; bassin versant; bassins versants; bassin hydrographique; bassins
   hydrographiques; pénurie d'eau; stress hydrique; rareté de l'eau; utilisation
   rationnelle de l'eau; prélèvements d'eau; gestion intégrée des ressources en eau; GIRE;
   eaux transfrontières; services d'eau; infrastructures hydrauliques; latrines; toilettes;
   défécation à l'air libre; lavage des mains; dessalement; traitement de l'eau; traitement
   des eaux; tarification de l'eau; prix de l'eau; sécurité hydrique; hydrique; hydriques;
   hydraulique
2: eau; eaux; rivières; rivière; fleuves; fleuve; lacs; lac; zones humides; réservoirs;
   réservoir; barrages; barrage; irrigation; hydrologique; hydrologiques; inondations;
   crues; sécheresse; sécheresses; cours d'eau; sources; puits; forages; canalisations;
   eutrophisation; effluents; aquatiques; ruissellement; glaciers
1: pollution; polluants; contaminé; contaminée; contamination; produits chimiques;
   nitrates; infrastructures; services municipaux
""",
    7: """
3: énergies renouvelables; énergie renouvelable; renouvelables; électricité;
   électrique; électriques; production d'électricité; centrales électriques; centrale
   électrique; solaire; photovoltaïque; photovoltaïques; énergie éolienne; éolien; éolienne;
   éoliennes; parcs éoliens; hydroélectricité; hydroélectrique; géothermie; géothermique;
   bioénergie; biocarburants; biomasse; efficacité énergétique; accès à l'électricité;
   accès à l'énergie; électrification; cuisson propre; combustibles fossiles; énergies
   fossiles; charbon; gaz naturel; pétrole; sécurité énergétique; consommation d'énergie;
   consommation énergétique; mix énergétique; bouquet énergétique; transition énergétique;
   secteur énergétique; politique énergétique; réseau électrique; réseaux électriques;
   mini-réseaux; hors réseau; kWh; MWh; mégawatts; gigawatts; pompes à chaleur; énergie
   nucléaire; nucléaire; stockage de l'énergie; batteries; prix de l'électricité;
   subventions aux combustibles; énergie propre; énergétique; énergétiques
2: énergie; combustible; combustibles; carburant; carburants; gaz; diesel; essence; kérosène;
   éthanol; biodiesel; hydrogène; véhicules électriques; voitures électriques; chauffage;
   climatisation; isolation; éclairage; capacité installée; MW; GW; turbines; bois de
   chauffe; charbon de bois
1: émissions; efficacité; carbone; décarbon*; climat; bâtiments
""",
    8: """
3: emploi; emplois; chômage; chômeurs; travail décent; création d'emplois; marché du
   travail; marchés du travail; croissance économique; croissance du PIB; économie
   informelle; secteur informel; informalité; emploi informel; travail des enfants; travail
   forcé; emploi des jeunes; chômage des jeunes; NEET; droits du travail; droit du travail;
   santé et sécurité au travail; conditions de travail; salaires; salaire; salaire
   minimum; SMIC; main-d'œuvre; main d'œuvre; population active; travailleurs;
   travailleuses; travailleur; salariés; salariées; employeurs; syndicats; syndicat;
   négociation collective; emploi productif; productivité du travail; entrepreneuriat;
   entrepreneurs; travail indépendant; travailleurs indépendants; microentreprises; PME;
   petites et moyennes entreprises; protection de l'emploi; code du travail; esclavage
   moderne; tourisme durable
2: travail; salarié; employeur; rémunération; rémunérations; productivité; tourisme;
   touristes; PIB; produit intérieur brut; développement économique; récession;
   ralentissement économique; entreprises; accès au financement; inclusion financière;
   comptes bancaires; services financiers; embauche; embauches; licenciements; temps
   partiel; contrats temporaires; CDD; métiers; métier; profession; professions; carrière;
   carrières; travailleurs migrants
1: croissance; économie; économique; économiques; revenus; revenu; investissement;
   marchés; compétitivité; macroéconomique; inflation; exportations; commerce
""",
    9: """
3: infrastructure; infrastructures; industrialisation; industrie manufacturière;
   manufacturier; manufacturière; innovation; innovations; recherche et développement; R&D;
   R-D; haut débit; très haut débit; accès à internet; réseaux mobiles; réseau mobile;
   télécommunications; TIC; infrastructures numériques; infrastructures de transport;
   infrastructures résilientes; développement industriel; politique industrielle;
   industries; industrie 4.0; chaînes de valeur; chaînes de valeur mondiales; petites
   industries; capacités technologiques; chercheurs; chercheuses; recherche scientifique;
   brevets; brevet; haute technologie; connectivité; économie numérique; commerce
   électronique; téléphonie mobile; téléphones mobiles; internet; fibre optique; 4G; 5G
2: industrie; industriel; industrielle; industriels; industrielles; usines; usine;
   technologie; technologies; technologique; technologiques; numérique; numériques;
   numérisation; digitalisation; automatisation; robots; robotique; routes; réseau
   routier; chemins de fer; ferroviaire; portuaire; portuaires; aéroports; logistique; transport;
   transports; ponts; construction; ingénierie; science; sciences; scientifique;
   scientifiques; technopoles; pôles de compétitivité; incubateurs; capital-risque;
   propriété intellectuelle; logiciels; intelligence artificielle; plateformes numériques
1: investissement; investissements; modernisation; secteur privé; chaînes
   d'approvisionnement; production
""",
    10: """
3: inégalité; inégalités; inégalités de revenus; inégalité des revenus; répartition des
   revenus; distribution des revenus; répartition des richesses; redistribution;
   redistributif; redistributive; Gini; coefficient de Gini; écarts de revenus;
   disparités; inclusion sociale; exclusion sociale; groupes marginalisés; discrimination;
   discriminations; discriminatoires; égalité des chances; mobilité sociale; migration;
   migrations; migrants; migrant; migrantes; envois de fonds; transferts de fonds;
   réfugiés; demandeurs d'asile; asile; personnes handicapées; personnes en situation de
   handicap; handicap; minorités ethniques; minorités; racisme; xénophobie; 40 % les plus
   pauvres; fiscalité progressive; croissance inclusive; traitement spécial et
   différencié
2: inclusion; inclusif; inclusive; exclusion; exclus; marginalisation; inégal; inégale;
   inégaux; équité; équitable; égalité; répartition;
   peuples autochtones; autochtones; ethnique; ethniques; race; religion; immigrés;
   immigration; émigration; diaspora; déplacés; déplacement; personnes âgées; cohésion
   sociale; polarisation; déciles; quintiles; riches; richesse; patrimoine
1: transferts; impôts; impôt; fiscalité; pays en développement; pays les moins avancés;
   représentation; pauvreté; dépenses
   sociales; chances; écart; écarts
""",
    11: """
3: villes; ville; urbain; urbaine; urbains; urbaines; urbanisation; urbanisme;
   aménagement urbain; planification urbaine; développement urbain; bidonvilles;
   bidonville; habitat informel; quartiers informels; quartiers précaires; logement;
   logements; logement abordable; logement social; logements sociaux; transports publics;
   transports en commun; transport public; mobilité urbaine; sécurité routière;
   patrimoine culturel; patrimoine naturel; patrimoine; réduction des risques de
   catastrophe; gestion des risques de catastrophe; Cadre de Sendai; qualité de l'air;
   déchets solides; déchets municipaux; ordures ménagères; collecte des déchets; espaces
   verts; espaces publics; Nouveau Programme pour les villes; Habitat III; ONU-Habitat;
   établissements humains; communes; commune; municipalités; municipalité; municipal;
   municipale; municipaux; métropole; métropoles; métropolitain; métropolitaine;
   agglomération; agglomérations; quartiers; quartier; villes intelligentes; ville
   intelligente; étalement urbain; aménagement du territoire; périurbain; périurbaine;
   collectivités locales; collectivités territoriales; autorités locales; maire; maires;
   conseil municipal; zones urbaines; habitants; résidents; piétons; pistes cyclables;
   vélo; parcs
2: gouvernement local; local; locale; locaux; locales; catastrophes; catastrophe;
   résilience; résilient; résiliente; autobus; bus; tramway; congestion; trafic;
   véhicules; rues; rue; bâtiments; loyers; loyer; locataires; expulsions; utilisation des
   sols; occupation des sols; pollution de l'air; bruit; gestion des déchets; décharges;
   culture; culturel; culturelle; musées; accessibilité; accessible; communautés;
   communauté; territorial; territoriale; territoires; planification; services de base
1: population; densité; région; régions; régional; régionale
""",
    12: """
3: consommation durable; production durable; consommation et production; production et
   consommation; modes de consommation; modes de production; utilisation efficace des
   ressources; efficacité des ressources; utilisation des ressources; économie circulaire;
   recyclage; recyclé; recyclés; recyclables; réutilisation; réemploi; production de
   déchets; réduction des déchets; prévention des déchets; gaspillage alimentaire; pertes
   alimentaires; déchets dangereux; produits chimiques dangereux; gestion des produits
   chimiques; cycle de vie; analyse du cycle de vie; écolabel; écolabels; étiquetage
   écologique; rapports de durabilité; reporting extra-financier; responsabilité sociétale
   des entreprises; responsabilité sociale des entreprises; RSE; achats publics durables;
   marchés publics durables; commande publique; achats publics; tourisme durable;
   empreinte matérielle; consommation matérielle; découplage; responsabilité élargie du
   producteur; REP; écoconception; éco-conception; déchets électroniques; déchets
   plastiques; emballages; modes de vie durables; économie verte; croissance verte;
   subventions aux combustibles fossiles; empreinte écologique; empreinte carbone;
   empreinte; ressources naturelles; gestion des déchets; déchets; durabilité; durable;
   durables; développement durable
2: consommation; consommateurs; production; producteurs; produits; matériaux; matières
   premières; compostage; produits chimiques; pollution; toxiques; impact environnemental;
   impacts environnementaux; gestion environnementale; certification; étiquetage; normes;
   chaîne d'approvisionnement; chaînes d'approvisionnement; chaîne de valeur; efficacité;
   vert; verte; environnement; environnemental; environnementale; environnementaux;
   entreprises; modèles économiques; tourisme; plastiques; plastique
1: ressources; industrie; exploitation minière; extraction; demande; marchés; commerce
""",
    13: """
3: changement climatique; changements climatiques; dérèglement climatique; climat;
   réchauffement climatique; gaz à effet de serre; GES; émissions de carbone; émissions de
   CO2; dioxyde de carbone; CO2; atténuation; adaptation; adaptation au changement
   climatique; Accord de Paris; CCNUCC; Protocole de Kyoto; contributions déterminées au
   niveau national; CDN; NDC; financement climatique; finance climat; Fonds vert pour le
   climat; bas carbone; bas-carbone; faibles émissions; décarbonation; décarbonisation; prix
   du carbone; taxe carbone; échange de quotas d'émission; neutralité carbone; zéro
   émission nette; phénomènes météorologiques extrêmes; événements extrêmes; élévation du
   niveau de la mer; hausse du niveau de la mer; hausse des températures; liés au climat;
   résilience climatique; risques climatiques; vulnérabilité climatique; GIEC; capacité
   d'adaptation; captage du carbone; politique climatique; action climatique; impacts
   climatiques; variabilité climatique; réduction des émissions; catastrophes naturelles;
   réduction des risques de catastrophe; risques de catastrophe; alerte précoce; systèmes
   d'alerte précoce; Cadre de Sendai; ouragans; cyclones; canicules; vagues de chaleur;
   climatique; climatiques
2: émissions; émission; carbone; résilience; vulnérabilité; vulnérables; catastrophes;
   inondations; sécheresses; sécheresse; tempêtes; aléas; températures; température;
   réchauffement; combustibles fossiles; renouvelables; déforestation; REDD+; puits de
   carbone; méthane; préparation; urgence; assurance; côtières; glaciers
1: environnemental; environnement; énergie; risque; risques; impacts; durabilité
""",
    14: """
3: océan; océans; marin; marine; marins; marines; mers; mer; côtier; côtière; côtiers;
   côtières; littoral; littoraux; pêche; pêches; pêcheries; pêcherie; halieutique;
   halieutiques; stocks de poissons; stocks halieutiques; surpêche; pêcheurs; pêcheuses;
   aquaculture; récifs coralliens; récif corallien; récifs; coraux; corail; pollution
   marine; acidification des océans; acidification; aires marines protégées; aire marine
   protégée; AMP; mangroves; mangrove; herbiers marins; biodiversité marine; écosystèmes
   marins; pêche illicite; pêche INN; non déclarée et non réglementée; subventions à la
   pêche; droit de la mer; CNUDM; économie bleue; déchets marins; plastiques dans l'océan;
   fonds marins; grands fonds; haute mer; zone économique exclusive; ZEE; maritime;
   maritimes; ressources marines; poissons; poisson; chalutage; prises accessoires; baleines;
   dauphins; requins; tortues;
   crustacés; coquillages; thon; estuaires; estuaire; lagunes; lagune; plages; plage;
   marées; marée noire; marées noires; petits États insulaires en développement; PEID
2: captures; débarquements; flotte; flottes; navires; îles; île; quotas; quota; espèces;
   biodiversité; écosystèmes; habitat; habitats; conservation;
   pollution; plastiques; eutrophisation; algues; eaux; salinité; produits de la mer;
   aquatiques; communautés côtières; tourisme
1: utilisation durable; protection; aires protégées; déchets; rejets; changement
   climatique
""",
    15: """
3: biodiversité; diversité biologique; forêts; forêt; déforestation; boisement;
   reboisement; reforestation; sylviculture; forestier; forestière; forestiers;
   forestières; gestion forestière; gestion durable des forêts; désertification;
   dégradation des terres; dégradation des sols; terres dégradées; érosion des sols;
   érosion; écosystèmes terrestres; terrestres; espèces; espèces menacées; espèces en
   danger; extinction; faune sauvage; vie sauvage; braconnage; braconniers; trafic
   d'espèces sauvages; commerce illégal d'espèces sauvages; aires protégées; aire
   protégée; parcs nationaux; parc national; réserves naturelles; réserve naturelle;
   habitat; habitats; perte d'habitat; espèces envahissantes; espèces exotiques
   envahissantes; écosystèmes de montagne; montagnes; montagne; terres arides; zones
   arides; REDD+; bois d'œuvre; exploitation forestière; exploitation illégale; abattage
   illégal; Convention sur la diversité biologique; CDB; Aichi; CITES; ressources
   génétiques; Protocole de Nagoya; services écosystémiques; écosystèmes; écosystème;
   écologique; écologiques; écologie; flore; faune; plantes; animaux; sauvage; sauvages;
   pollinisateurs; perte de biodiversité; érosion de la biodiversité; restauration;
   prairies; pâturages; surpâturage; savane; arbres; arbre; couvert forestier; tourbières;
   zones humides; sols; sol; changement d'affectation des terres; conservation de la
   nature; protection de la nature; conservation; ivoire; rhinocéros; éléphants; oiseaux;
   mammifères; insectes; amphibiens; reptiles; capital naturel; OGM; génétiquement
   modifiés
2: terre; terres; nature; naturel; naturelle; naturels; naturelles; environnement;
   environnemental; paysage; paysages; rural; agriculture; déserts; désert; sécheresse;
   changement climatique; puits de carbone; chasse; endémiques; indigènes; semences;
   autochtones
""",
    16: """
3: paix; consolidation de la paix; maintien de la paix; violence; violences; conflit armé;
   conflits armés; guerre civile; homicide; homicides; meurtre; meurtres; criminalité; crime;
   crimes; délinquance; justice pénale; accès à la justice; État de droit; état de droit;
   corruption; corrompu; corrompus; pots-de-vin; pot-de-vin; redevabilité; obligation de
   rendre des comptes; droits de l'homme; droits humains; torture; traite des êtres humains;
   traite des personnes; maltraitance des enfants; enregistrement des naissances; identité
   juridique; état civil; appareil judiciaire; judiciaire; judiciaires; tribunaux; juges;
   police; forces de l'ordre; terrorisme; terroriste; terroristes; extrémisme; extrémiste;
   radicalisation; flux financiers illicites; blanchiment d'argent; blanchiment de capitaux;
   criminalité organisée; crime organisé; trafic d'armes; armes légères; démocratie;
   liberté d'expression; liberté de la presse; accès à l'information; libertés
   fondamentales; bonne gouvernance; impunité; violences sexuelles; violence sexuelle;
   clientélisme; anticorruption; lutte contre la corruption; génocide; crimes de guerre;
   justice transitionnelle; médiateur; institutions efficaces; institutions inclusives
2: pacifique; pacifiques; violent; violente; violents; conflit; conflits; guerre; guerres;
   délit; délits; criminel; criminelle; justice; transparence; transparent; traite;
   maltraitance; abus; exploitation; tribunal; juge; procureur; procureurs; poursuites;
   avocats; aide juridictionnelle; armes; démocratique; démocratiques; participatif;
   participative; prise de décision; prise de décisions; journalistes; journalisme;
   institutions publiques; gouvernance; parlement; élections; électoral; électorale;
   électeurs; société civile; détention; prisons; prison; détenus; prisonniers; victimes;
   victime; viol; sécurité publique; insécurité; légitimité; fraude; extorsion; détournement
   de fonds; surveillance; censure; réconciliation; réfugiés; délinquants; peines;
   illicite; illicites; protection de l'enfance; harcèlement; discrimination; groupes armés;
   disparitions forcées; responsabilité
1: institutions; institutionnel; institutionnelle; sécurité; droits; juridique; juridiques;
   lois; loi; législation; législatif; constitution; constitutionnel; sanctions; illégal;
   illégale; illégaux; vie privée; gouvernement; gouvernements; secteur public;
   administration publique; bureaucratie; citoyens; citoyennes; citoyenneté; politique;
   politiques; autorités; réglementation; dignité
0.5: public; publique; participation; inclusives; représentation; réforme; réformes;
   enfants; mineurs; État
""",
    17: """
3: partenariat mondial; partenariats multipartites; multipartite; multipartites;
   partenariats public-privé; partenariat public-privé; coopération internationale;
   coopération au développement; coopération pour le développement; aide publique au
   développement; APD; aide au développement; aide extérieure; bailleurs de fonds;
   donateurs; financement du développement; Programme d'action d'Addis-Abeba; moyens de mise
   en œuvre; viabilité de la dette; soutenabilité de la dette; allègement de la dette;
   service de la dette; dette extérieure; mobilisation des ressources intérieures; évasion
   fiscale; optimisation fiscale; paradis fiscaux; transfert de technologie; transfert de
   technologies; banque de technologies; renforcement des capacités; développement des
   capacités; assistance technique; coopération Sud-Sud; coopération triangulaire; OMC;
   Organisation mondiale du commerce; système commercial multilatéral; pays les moins
   avancés; PMA; pays en développement sans littoral; cohérence des politiques; capacités
   statistiques; instituts nationaux de statistique; systèmes statistiques nationaux;
   données ventilées; indicateurs des ODD; multilatéralisme; concessionnel; concessionnels;
   financement mixte; stabilité macroéconomique; gouvernance mondiale; partenariat;
   partenariats
2: PPP; bailleurs; investissement direct étranger; investissements directs étrangers; IDE;
   recettes fiscales; recouvrement de l'impôt; accords commerciaux; politique commerciale;
   droits de douane; tarifs douaniers; barrières non tarifaires; accès aux marchés; petits
   États insulaires en développement; PEID; statistiques; objectifs du Millénaire pour le
   développement; OMD; multilatéral; multilatérale; bilatéral; bilatérale; banques de
   développement; Banque mondiale; FMI; Fonds monétaire international; Nations Unies; envois
   de fonds; G20; pays en développement; pays développés; coopération; collecte de données;
   partenaires au développement; efficacité de l'aide; appui budgétaire; crise de la dette;
   dette souveraine; facilitation des échanges; Aide pour le commerce
1: collaboration; coordination; international; internationale; internationaux;
   internationales; mondial; mondiale; global; financement; financements; investissement;
   prêts; subventions; commerce; exportations; importations; dette; impôts; fiscalité;
   recettes; suivi; indicateurs; données; parties prenantes; secteur privé; société civile;
   développement durable; engagements; accords; ONU; objectifs de développement durable;
   ODD; Agenda 2030; Programme 2030; Programme de développement durable à l'horizon 2030
0.5: pays; nations; politiques; cohérence; mise en œuvre; budget; soutien; capacités;
   rapports; examen; institutions
""",
}

BLOCKERS["fr"] = """
refroidi par eau; refroidis par eau; refroidissement par eau; aquarelle; imperméable;
énergie de l'équipe; énergie positive; boisson énergisante; boissons énergisantes;
avec énergie; beaucoup d'énergie; énergie et enthousiasme; plein d'énergie; mauvaise qualité;
santé économique; santé financière; santé de l'économie;
climat des affaires; climat d'investissement; climat politique; climat économique;
climat de confiance; climat social; arbre de décision; arbres de décision; forêt aléatoire;
nom de famille; jeter des ponts; école de pensée; paix intérieure; guerre des prix;
guerre commerciale; capital d'amorçage; pouvoir d'achat; pouvoir de marché; rapports de force;
travail de terrain; étude de terrain; vélo tout terrain
"""

NEGATION_CUES["fr"] = """
sans rapport avec; sans lien avec; rien à voir avec; sans relation avec; indépendamment de
"""
