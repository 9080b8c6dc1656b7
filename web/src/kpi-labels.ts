/**
 * Names (EN/RU/KK) and units of the stages' KPIs (`stages.<id>.kpis.<key>` of an appraisal),
 * by the keys the models compute: src/process/flowsheet/summarise.ts (every template),
 * src/process/pyro/fecr-kpis.ts, fecr-alloy-quality.ts, fecr-slag-check.ts and run-refining.ts
 * (ferrochrome), src/process/chromium/run.ts and chromate-minor-quality.ts (chromium metal),
 * src/process/concentrator/kpis.ts (concentrator), src/stage-results.ts (capex per t, the
 * concentrate sale). "Per t" is per t of the stage's main product (alloy, metal, concentrate)
 * unless the key names another basis (`_per_t_cr`, `_per_t_feed`, …); names say which basis.
 */
import type { Names } from './labels.js';

export const STAGE_KPI_NAMES: Names = {
  // output rates
  product_t_per_h: ['Product output rate', 'Производительность по продукту', 'Өнім өнімділігі'],
  product_t_per_year: ['Product output', 'Выпуск продукции', 'Өнім шығарылымы'],
  alloy_t_per_h: ['Alloy output rate', 'Производительность по сплаву', 'Қорытпа өнімділігі'],
  metal_t_per_h: ['Metal output rate', 'Производительность по металлу', 'Металл өнімділігі'],
  feed_t_per_h: ['Dry feed rate', 'Подача сухой руды', 'Құрғақ кен беру'],
  concentrate_t_per_h: [
    'Concentrate output rate',
    'Производительность по концентрату',
    'Концентрат өнімділігі',
  ],
  // energy
  electricity_MWh_per_t: [
    'Specific electricity use',
    'Удельный расход электроэнергии',
    'Электр энергиясының үлестік шығыны',
  ],
  specific_energy_MWh_per_t: [
    'Specific energy use',
    'Удельный расход энергии',
    'Энергияның үлестік шығыны',
  ],
  furnace_specific_energy_MWh_per_t: [
    'Furnace specific energy',
    'Удельный расход электроэнергии печи',
    'Пештің үлестік электр шығыны',
  ],
  furnace_MW: ['Furnace power', 'Активная мощность печи', 'Пештің активті қуаты'],
  furnace_MVA: [
    'Furnace transformer rating',
    'Мощность печного трансформатора',
    'Пеш трансформаторының қуаты',
  ],
  power_factor: ['Power factor', 'Коэффициент мощности', 'Қуат коэффициенті'],
  t_per_year_per_MVA: ['Output per MVA', 'Выпуск на 1 МВ·А', '1 МВ·А-ға шығарылым'],
  natural_gas_MWh_per_t: ['Natural gas use', 'Расход природного газа', 'Табиғи газ шығыны'],
  cell_kWh_per_kg_cr: [
    'Cell energy per kg Cr',
    'Расход энергии на электролиз на кг Cr',
    'Электролизге энергия шығыны 1 кг Cr-ға',
  ],
  power_kWh_per_t_feed: [
    'Electricity per t ore',
    'Расход электроэнергии на т руды',
    '1 т кенге электр энергиясы шығыны',
  ],
  // raw materials and reagents
  ore_t_per_t: ['Chromite rate', 'Расход хромитового сырья', 'Хромит шикізатының шығыны'],
  feed_t_per_t: ['Feed rate', 'Расход сырья', 'Шикізат шығыны'],
  ferrochrome_t_per_t: ['Ferrochrome rate', 'Расход феррохрома', 'Феррохром шығыны'],
  fesicr_t_per_t: ['Ferrosilicochrome rate', 'Расход ферросиликохрома', 'Ферросиликохром шығыны'],
  coke_kg_per_t: ['Coke rate', 'Расход кокса', 'Кокс шығыны'],
  furnace_reductant_kg_per_t: [
    'Furnace reductant rate',
    'Расход восстановителя в печь',
    'Пешке тотықсыздандырғыш шығыны',
  ],
  coal_kg_per_t: ['Coal rate', 'Расход угля', 'Көмір шығыны'],
  quartzite_kg_per_t: ['Quartzite rate', 'Расход кварцита', 'Кварцит шығыны'],
  lime_kg_per_t: ['Lime rate', 'Расход извести', 'Әк шығыны'],
  lime_t_per_t: ['Lime rate', 'Расход извести', 'Әк шығыны'],
  roast_lime_t_per_t: ['Lime to roasting', 'Расход извести на обжиг', 'Күйдіруге әк шығыны'],
  bentonite_kg_per_t: ['Bentonite rate', 'Расход бентонита', 'Бентонит шығыны'],
  electrode_kg_per_t: ['Electrode consumption', 'Расход электродов', 'Электрод шығыны'],
  water_m3_per_t: ['Water use', 'Расход воды', 'Су шығыны'],
  water_m3_per_t_feed: ['Water per t ore', 'Расход воды на т руды', '1 т кенге су шығыны'],
  al_t_per_t_cr: ['Aluminium per t Cr', 'Расход алюминия на т Cr', '1 т Cr-ға алюминий шығыны'],
  cr2o3_t_per_t: ['Cr2O3 rate', 'Расход Cr2O3', 'Cr2O3 шығыны'],
  soda_ash_t_per_t: ['Soda ash rate', 'Расход кальцинированной соды', 'Кальцийленген сода шығыны'],
  soda_ash_t_per_t_cr2o3: [
    'Soda ash per t Cr2O3',
    'Расход соды на т Cr2O3',
    '1 т Cr2O3-ке сода шығыны',
  ],
  sulfur_t_per_t: ['Sulphur rate', 'Расход серы', 'Күкірт шығыны'],
  sulfur_t_per_t_cr2o3: [
    'Sulphur per t Cr2O3',
    'Расход серы на т Cr2O3',
    '1 т Cr2O3-ке күкірт шығыны',
  ],
  sulfuric_acid_t_per_t: ['Sulphuric acid rate', 'Расход серной кислоты', 'Күкірт қышқылы шығыны'],
  ammonia_t_per_t: ['Ammonia rate', 'Расход аммиака', 'Аммиак шығыны'],
  // by-products, off-gas, wastes
  slag_t_per_t: ['Slag rate', 'Выход шлака', 'Қож шығымы'],
  dust_t_per_t: ['Dust rate', 'Пылевынос', 'Шаң шығымы'],
  co2_t_per_t: ['CO₂ per t', 'Удельные выбросы CO₂', 'CO₂ үлестік шығарындысы'],
  offgas_Nm3_per_t: ['Off-gas volume', 'Выход отходящих газов', 'Шығатын газ көлемі'],
  offgas_CO_Nm3_per_t: ['CO in off-gas', 'CO в отходящих газах', 'Шығатын газдағы CO'],
  offgas_chemical_MWh_per_t: [
    'Off-gas chemical energy',
    'Химическая энергия отходящих газов',
    'Шығатын газдың химиялық энергиясы',
  ],
  offgas_export_MWh_per_t: [
    'Off-gas energy exported',
    'Отпуск энергии отходящих газов',
    'Шығатын газ энергиясын беру',
  ],
  slag_s_kg_per_t: ['S to slag', 'Переход S в шлак', 'S-тің қожға өтуі'],
  offgas_s_kg_per_t: ['S to off-gas', 'Переход S в газы', 'S-тің газға өтуі'],
  effluent_s_kg_per_t: ['S to effluent', 'Переход S в стоки', 'S-тің ағынды суға өтуі'],
  hazardous_waste_t_per_t: ['Hazardous waste', 'Опасные отходы', 'Қауіпті қалдықтар'],
  sodium_sulphate_t_per_t: ['Sodium sulphate', 'Сульфат натрия', 'Натрий сульфаты'],
  residue_recycle_t_per_t_concentrate: [
    'Residue recycled per t concentrate',
    'Возврат кека на т концентрата',
    '1 т концентратқа кек қайтарымы',
  ],
  residue_cr2o3_wt_pct: [
    'Cr2O3 in bled residue',
    'Cr2O3 в выводимом кеке',
    'Шығарылатын кектегі Cr2O3',
  ],
  // analyses
  alloy_cr_wt_pct: ['Cr in alloy', 'Cr в сплаве', 'Қорытпадағы Cr'],
  alloy_fe_wt_pct: ['Fe in alloy', 'Fe в сплаве', 'Қорытпадағы Fe'],
  alloy_c_wt_pct: ['C in alloy', 'C в сплаве', 'Қорытпадағы C'],
  alloy_si_wt_pct: ['Si in alloy', 'Si в сплаве', 'Қорытпадағы Si'],
  alloy_s_wt_pct: ['S in alloy', 'S в сплаве', 'Қорытпадағы S'],
  alloy_p_wt_pct: ['P in alloy', 'P в сплаве', 'Қорытпадағы P'],
  alloy_ti_wt_pct: ['Ti in alloy', 'Ti в сплаве', 'Қорытпадағы Ti'],
  alloy_in_grade: ['Alloy within a grade', 'Сплав в пределах марки', 'Қорытпа марка шегінде'],
  metal_cr_wt_pct: ['Cr in metal', 'Cr в металле', 'Металдағы Cr'],
  metal_s_wt_pct: ['S in metal', 'S в металле', 'Металдағы S'],
  metal_p_wt_pct: ['P in metal', 'P в металле', 'Металдағы P'],
  metal_ti_wt_pct: ['Ti in metal', 'Ti в металле', 'Металдағы Ti'],
  cr2o3_wt_pct: ['Cr2O3 in oxide', 'Cr2O3 в оксиде', 'Оксидтегі Cr2O3'],
  feed_cr2o3_wt_pct: ['Cr2O3 in ore', 'Cr2O3 в руде', 'Кендегі Cr2O3'],
  concentrate_cr2o3_wt_pct: ['Cr2O3 in concentrate', 'Cr2O3 в концентрате', 'Концентраттағы Cr2O3'],
  product_cr2o3_wt_pct: ['Cr2O3 in product', 'Cr2O3 в продукте', 'Өнімдегі Cr2O3'],
  concentrate_cr_fe_ratio: ['Concentrate Cr/Fe', 'Cr/Fe концентрата', 'Концентраттың Cr/Fe'],
  // slag
  slag_Cr2O3_wt_pct: ['Cr2O3 in slag', 'Cr2O3 в шлаке', 'Қождағы Cr2O3'],
  slag_MgO_Al2O3: ['Slag MgO/Al2O3', 'MgO/Al2O3 шлака', 'Қождың MgO/Al2O3'],
  slag_basicity: ['Slag basicity', 'Основность шлака', 'Қождың негізділігі'],
  slag_T_K: [
    'Slag tapping temperature',
    'Температура шлака на выпуске',
    'Шығарудағы қож температурасы',
  ],
  slag_liquidus_K: ['Slag liquidus', 'Ликвидус шлака', 'Қож ликвидусы'],
  slag_superheat_K: ['Slag superheat', 'Перегрев шлака', 'Қождың асқын қызуы'],
  slag_superheat_required_K: [
    'Required slag superheat',
    'Требуемый перегрев шлака',
    'Қождың талап етілетін асқын қызуы',
  ],
  slag_viscosity_Pa_s: ['Slag viscosity', 'Вязкость шлака', 'Қож тұтқырлығы'],
  // heat and conversion
  adiabatic_T_K: ['Adiabatic temperature', 'Адиабатическая температура', 'Адиабаталық температура'],
  // heat of the aluminothermic reaction per kg of charge (aluminothermic-reactor.ts)
  charge_specific_heat_kJ_per_kg: [
    'Specific heat of the charge',
    'Удельная термичность шихты',
    'Шихтаның үлестік жылуы',
  ],
  effective_specific_heat_kJ_per_kg: [
    'Effective specific heat',
    'Эффективная термичность шихты',
    'Шихтаның тиімді үлестік жылуы',
  ],
  preheater_gas_fraction: [
    'Furnace gas to the preheater',
    'Доля колошникового газа на подогрев',
    'Қыздыруға пеш газының үлесі',
  ],
  roast_conversion: [
    'Roast conversion',
    'Степень превращения при обжиге',
    'Күйдірудегі айналу дәрежесі',
  ],
  cr_recovery_from_ore: ['Cr recovery from ore', 'Извлечение Cr из руды', 'Кеннен Cr бөліп алу'],
  cr2o3_recovery: ['Cr2O3 recovery', 'Извлечение Cr2O3', 'Cr2O3 бөліп алу'],
  mass_yield: ['Mass yield', 'Выход концентрата', 'Концентраттың массалық шығымы'],
  // economics
  capex_usd_per_t_capacity: [
    'Capex per t of capacity',
    'Удельные капвложения',
    'Үлестік күрделі шығындар',
  ],
};

/** KPIs that are pure numbers, with why (the unit test requires a reason for an empty unit). */
export const DIMENSIONLESS_KPIS: Readonly<Record<string, string>> = {
  power_factor: 'active over apparent power of the furnace',
  slag_basicity: '(CaO + MgO) / SiO2 by mass (refining: CaO / SiO2)',
  slag_MgO_Al2O3: 'MgO / Al2O3 by mass',
  concentrate_cr_fe_ratio: 'Cr / Fe by mass',
  alloy_in_grade: 'a flag: 1 when the alloy meets a high-carbon grade (fecr-grade.ts), else 0',
};

/** Fractions (0–1) among the KPIs, shown in per cent like the recoveries. */
const FRACTION = /_fraction$|_conversion$|^mass_yield$|_recovery_from_ore$/;

/** Unit by key suffix, most specific first ("per t" = per t of the stage's product). */
const SUFFIX_UNITS: readonly (readonly [suffix: string, unit: string])[] = [
  ['co2_t_per_t', 't CO2/t'],
  ['_t_per_t_cr2o3', 't/t Cr2O3'],
  ['_t_per_t_cr', 't/t Cr'],
  ['_t_per_t_concentrate', 't/t'],
  ['_t_per_t', 't/t'],
  ['_kg_per_t', 'kg/t'],
  ['_wt_pct', 'wt %'],
  ['_MWh_per_t', 'MWh/t'],
  ['_kWh_per_t_feed', 'kWh/t'],
  ['_kWh_per_kg_cr', 'kWh/kg Cr'],
  ['_Nm3_per_t', 'Nm³/t'],
  ['_m3_per_t', 'm³/t'],
  ['_m3_per_t_feed', 'm³/t'],
  ['_kJ_per_kg', 'kJ/kg'],
  ['_Pa_s', 'Pa·s'],
  ['t_per_year_per_MVA', 't/year/MVA'],
  ['_MVA', 'MVA'],
  ['_t_per_h', 't/h'],
  ['_usd_per_t_capacity', 'USD/(t/year)'],
  ['_K', 'K'],
];

/** Kelvin at 0 °C [K]. */
export const KELVIN_AT_0_C = 273.15;

/**
 * KPIs that are absolute temperatures [K], shown in °C as the stage's slag table shows them
 * (a tapping temperature is read in °C on a furnace floor); differences (superheats) stay in K.
 */
const ABSOLUTE_TEMPERATURE = /(^|_)T_K$|_liquidus_K$/;

/**
 * How a KPI is shown: its unit, and for an offset unit the raw value at the shown zero
 * (`origin`: shown = raw − origin; 273.15 for K shown in °C).
 */
export interface KpiUnit {
  kind: 'pct' | 'qty';
  unit: string;
  origin?: number;
}

/** Unit of a stage KPI key, or undefined when the key is none of the KPIs' kinds. */
export function kpiUnit(key: string): KpiUnit | undefined {
  if (FRACTION.test(key)) return { kind: 'pct', unit: '%' };
  if (ABSOLUTE_TEMPERATURE.test(key)) return { kind: 'qty', unit: '°C', origin: KELVIN_AT_0_C };
  if (DIMENSIONLESS_KPIS[key] !== undefined) return { kind: 'qty', unit: '' };
  const rule = SUFFIX_UNITS.find(([suffix]) => key.endsWith(suffix));
  return rule === undefined ? undefined : { kind: 'qty', unit: rule[1] };
}
