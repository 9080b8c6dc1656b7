/**
 * Names of the model's things in English, Russian and Kazakh: editor field names (the scenario
 * schema's property names), cost categories, unit kinds, NPV-bridge drivers, appraisal outputs,
 * product forms and badges. A name not listed is shown as it is written in the file (an id the
 * user chose, e.g. a stage id), never as an English sentence.
 */
import type { Lang } from './format.js';
import { kpiUnit, STAGE_KPI_NAMES } from './kpi-labels.js';

export type Names = Record<string, readonly [en: string, ru: string, kk: string]>;

/** Scenario schema property names (schema/scenario.schema.json). */
export const FIELD_NAMES: Names = {
  aace_class: ['AACE estimate class', 'Класс оценки AACE', 'AACE бағалау класы'],
  analysis: ['Analysis', 'Анализ', 'Талдау'],
  availability: ['Availability', 'Коэффициент готовности', 'Дайындық коэффициенті'],
  average_wage_kzt_per_month: ['Average wage', 'Средняя зарплата', 'Орташа жалақы'],
  base_year: ['Base year', 'Базовый год', 'Базалық жыл'],
  baseline: ['Baseline', 'Базовый сценарий', 'Базалық сценарий'],
  between: ['Between', 'Между', 'Арасында'],
  byproduct_credits: ['By-product credits', 'Доход от побочной продукции', 'Қосалқы өнімнен түсім'],
  capacity_basis: ['Capacity basis', 'База мощности', 'Қуат негізі'],
  capacity_t_per_year: ['Capacity', 'Мощность', 'Қуаты'],
  capex: ['Capital cost', 'Капитальные затраты', 'Күрделі шығындар'],
  capex_budget_usd: ['Capex budget', 'Бюджет капвложений', 'Күрделі шығындар бюджеті'],
  cbam_in_cashflow: ['CBAM in the cash flow', 'CBAM в денежном потоке', 'CBAM ақша ағынында'],
  market_response: ['Market response', 'Реакция рынка', 'Нарықтың әсері'],
  world_market_t_per_year: ['World market', 'Мировой рынок', 'Әлемдік нарық'],
  demand_elasticity: [
    'Price elasticity of demand',
    'Ценовая эластичность спроса',
    'Сұраныстың баға икемділігі',
  ],
  incumbent_supply_elasticity: [
    'Supply elasticity of incumbents',
    'Эластичность предложения действующих производителей',
    'Қолданыстағы өндірушілер ұсынысының икемділігі',
  ],
  cbam_emissions: ['CBAM emission basis', 'Основа выбросов для CBAM', 'CBAM үшін шығарынды негізі'],
  cbam_default_t_co2_per_t: [
    'CBAM default values',
    'Значения CBAM по умолчанию',
    'CBAM әдепкі мәндері',
  ],
  china_vat_rate_pct: ['China VAT rate', 'Ставка НДС Китая', 'Қытайдың ҚҚС мөлшерлемесі'],
  chromflow: ['Format version', 'Версия формата', 'Формат нұсқасы'],
  closure_cost_pct_of_capex: ['Closure cost', 'Затраты на ликвидацию', 'Жою шығындары'],
  column: ['Column', 'Столбец', 'Баған'],
  composition_wt_pct: ['Composition', 'Состав', 'Құрамы'],
  construction_years: ['Construction period', 'Срок строительства', 'Құрылыс мерзімі'],
  consumables: ['Consumables', 'Расходные материалы', 'Шығын материалдары'],
  contingency_pct: ['Contingency', 'Непредвиденные расходы', 'Күтпеген шығындар'],
  correlations: ['Correlations', 'Корреляции', 'Корреляциялар'],
  country: ['Country', 'Страна', 'Ел'],
  csv: ['CSV file', 'Файл CSV', 'CSV файлы'],
  currency: ['Currency', 'Валюта', 'Валюта'],
  debt_share: ['Debt share', 'Доля долга', 'Қарыз үлесі'],
  depreciation: ['Depreciation', 'Амортизация', 'Амортизация'],
  description: ['Description', 'Описание', 'Сипаттама'],
  discount_rate: ['Discount rate', 'Ставка дисконтирования', 'Дисконттау мөлшерлемесі'],
  distribution: ['Distribution', 'Распределение', 'Үлестірім'],
  electricity: ['Electricity', 'Электроэнергия', 'Электр энергиясы'],
  eu_ets_price_eur_per_t_co2: ['EU ETS price', 'Цена EU ETS', 'EU ETS бағасы'],
  eu_export_share: ['Share exported to the EU', 'Доля экспорта в ЕС', 'ЕО-ға экспорт үлесі'],
  eur_per_usd: ['EUR per USD', 'EUR за USD', 'USD-ға EUR'],
  exponent: ['Scaling exponent', 'Показатель масштабирования', 'Масштабтау дәрежесі'],
  export_share: ['Export share', 'Доля экспорта', 'Экспорт үлесі'],
  feeds: ['Feeds', 'Сырьё', 'Шикізат'],
  finance: ['Finance', 'Финансы', 'Қаржы'],
  financing: ['Financing', 'Финансирование', 'Қаржыландыру'],
  fiscal: ['Taxes', 'Налоги', 'Салықтар'],
  flowsheet: ['Flowsheet', 'Технологическая схема', 'Технологиялық схема'],
  fx: ['Exchange rates', 'Курсы валют', 'Валюта бағамдары'],
  grace_years: ['Grace period', 'Льготный период', 'Жеңілдік кезеңі'],
  grid_co2_t_per_mwh: [
    'Grid CO₂ factor',
    'Удельные выбросы CO₂ энергосистемы',
    'Желінің CO₂ коэффициенті',
  ],
  horizon_years: ['Horizon', 'Горизонт расчёта', 'Есептеу көкжиегі'],
  id: ['Id', 'Идентификатор', 'Сәйкестендіргіш'],
  impact: ['Regional impact', 'Влияние на регион', 'Өңірге әсері'],
  indirect_jobs_per_direct_job: [
    'Indirect jobs per direct job',
    'Косвенных мест на одно прямое',
    'Бір тікелей орынға жанама орындар',
  ],
  inflation_rate: ['Inflation', 'Инфляция', 'Инфляция'],
  inflation: ['Inflation path', 'Траектория инфляции', 'Инфляция траекториясы'],
  development_years: ['Development period', 'Срок подготовки проекта', 'Жобаны дайындау мерзімі'],
  development_cost_pct_of_capex: [
    'Development cost',
    'Затраты на подготовку проекта',
    'Жобаны дайындау шығындары',
  ],
  cost_indices: [
    'Operating cost indices',
    'Индексы операционных затрат',
    'Операциялық шығын индекстері',
  ],
  labour_real_growth_pct_per_year: [
    'Real wage growth',
    'Реальный рост заработной платы',
    'Жалақының нақты өсуі',
  ],
  reductants_real_escalation_pct_per_year: [
    'Real escalation of reductants',
    'Реальный рост цен восстановителей',
    'Тотықсыздандырғыш бағасының нақты өсуі',
  ],
  consumables_real_escalation_pct_per_year: [
    'Real escalation of consumables',
    'Реальный рост цен расходных материалов',
    'Шығын материалдары бағасының нақты өсуі',
  ],
  sponsor: ['Sponsor', 'Спонсор', 'Демеуші'],
  shareholder_loan_share: [
    'Shareholder loan share',
    'Доля акционерного займа',
    'Акционерлік қарыз үлесі',
  ],
  shareholder_loan_rate: [
    'Shareholder loan rate',
    'Ставка акционерного займа',
    'Акционерлік қарыз мөлшерлемесі',
  ],
  shareholder_loan_tenor_years: [
    'Shareholder loan tenor',
    'Срок акционерного займа',
    'Акционерлік қарыз мерзімі',
  ],
  fx_path: ['RMB exchange-rate path', 'Траектория курса юаня', 'Юань бағамының траекториясы'],
  inputs: ['Inputs', 'Входы', 'Кірістер'],
  insurance_pct_of_capex: ['Insurance', 'Страхование', 'Сақтандыру'],
  interest_rate: ['Interest rate', 'Процентная ставка', 'Пайыздық мөлшерлеме'],
  inventory_days: ['Inventory', 'Запасы', 'Қорлар'],
  kind: ['Kind', 'Тип', 'Түрі'],
  kzt_per_usd: ['KZT per USD', 'Тенге за USD', 'USD-ға теңге'],
  labour: ['Labour', 'Персонал', 'Персонал'],
  location_factor: ['Location factor', 'Региональный коэффициент', 'Өңірлік коэффициент'],
  logistics_usd_per_t: ['Logistics', 'Логистика', 'Логистика'],
  maintenance_pct_of_capex: ['Maintenance', 'Ремонт и обслуживание', 'Жөндеу және қызмет көрсету'],
  markets: ['Markets', 'Рынки', 'Нарықтар'],
  max: ['Maximum', 'Максимум', 'Ең үлкені'],
  mean: ['Mean', 'Среднее', 'Орташа'],
  median: ['Median', 'Медиана', 'Медиана'],
  method: ['Method', 'Метод', 'Әдіс'],
  min: ['Minimum', 'Минимум', 'Ең кішісі'],
  mining_inside_boundary: [
    'Mining inside the project',
    'Добыча в границах проекта',
    'Өндіру жоба шегінде',
  ],
  mode: ['Mode', 'Мода', 'Мода'],
  moisture_wt_pct: ['Moisture', 'Влажность', 'Ылғалдылық'],
  name: ['Name', 'Название', 'Атауы'],
  note: ['Note', 'Примечание', 'Ескертпе'],
  observations: ['Observations', 'Наблюдения', 'Бақылаулар'],
  opex: ['Operating cost', 'Операционные затраты', 'Операциялық шығындар'],
  origin_carbon_price_eur_per_t_co2: [
    'Carbon price paid at origin',
    'Цена углерода в стране происхождения',
    'Шыққан елдегі көміртек бағасы',
  ],
  overhead_pct_of_labour_and_maintenance: ['Overheads', 'Накладные расходы', 'Үстеме шығындар'],
  overrides: ['Overrides', 'Переопределения', 'Қайта анықтаулар'],
  owners_cost_pct: ["Owner's costs", 'Затраты заказчика', 'Тапсырыс берушінің шығындары'],
  parameters: ['Parameters', 'Параметры', 'Параметрлер'],
  path: ['Input path', 'Путь к параметру', 'Параметр жолы'],
  payable_days: ['Payables', 'Кредиторская задолженность', 'Кредиторлық берешек'],
  phasing: ['Phasing', 'Распределение по годам', 'Жылдарға бөлу'],
  preset: ['Preset', 'Шаблон данных', 'Дерек үлгісі'],
  price_rmb_per_t_50pct_cr_vat_incl: [
    'Price (50 % Cr basis, VAT incl.)',
    'Цена (база 50 % Cr, с НДС)',
    'Бағасы (50 % Cr негізі, ҚҚС-пен)',
  ],
  price_rmb_per_t_vat_incl: ['Price (VAT incl.)', 'Цена (с НДС)', 'Бағасы (ҚҚС-пен)'],
  price_usd_per_lb_cr: ['Price per lb Cr', 'Цена за фунт Cr', 'Cr фунтының бағасы'],
  price_usd_per_m3: ['Price', 'Цена', 'Бағасы'],
  price_usd_per_mwh: ['Price', 'Цена', 'Бағасы'],
  price_usd_per_t: ['Price', 'Цена', 'Бағасы'],
  priority_project: [
    'Priority investment project',
    'Приоритетный инвестпроект',
    'Басым инвестициялық жоба',
  ],
  probabilities: ['Probabilities', 'Вероятности', 'Ықтималдықтар'],
  products: ['Products', 'Продукция', 'Өнімдер'],
  ramp_up: ['Ramp-up', 'Выход на мощность', 'Қуатқа шығу'],
  receivable_days: ['Receivables', 'Дебиторская задолженность', 'Дебиторлық берешек'],
  ref: ['Data reference', 'Ссылка на данные', 'Дерекке сілтеме'],
  reference: ['Reference plant', 'Объект-аналог', 'Ұқсас нысан'],
  regime: ['Tax regime', 'Налоговый режим', 'Салық режимі'],
  region: ['Region', 'Регион', 'Өңір'],
  region_power_supply_MW: [
    'Regional power supply',
    'Мощность энергоснабжения региона',
    'Өңірдің энергиямен жабдықтау қуаты',
  ],
  repayment: ['Repayment', 'Погашение', 'Өтеу'],
  rho: ['Correlation coefficient', 'Коэффициент корреляции', 'Корреляция коэффициенті'],
  rmb_per_usd: ['RMB per USD', 'Юаней за USD', 'USD-ға юань'],
  paths: ['Price paths simulated', 'Число ценовых траекторий', 'Баға траекторияларының саны'],
  samples: ['Samples', 'Число выборок', 'Іріктемелер саны'],
  sd: ['Standard deviation', 'Стандартное отклонение', 'Стандартты ауытқу'],
  seed: ['Random seed', 'Начальное число генератора', 'Генератордың бастапқы саны'],
  sigma_log: ['σ of the logarithm', 'σ логарифма', 'Логарифмнің σ'],
  site: ['Site', 'Площадка', 'Алаң'],
  source: ['Source', 'Источник', 'Дереккөз'],
  stages: ['Stages', 'Очереди', 'Кезеңдер'],
  stage: ['Stage', 'Очередь', 'Кезең'],
  stage_timing_option: [
    'Stage timing option',
    'Опцион на срок запуска очереди',
    'Кезеңді іске қосу мерзімінің опционы',
  ],
  start_year: ['Start year', 'Год начала', 'Басталу жылы'],
  window: ['Window of start years', 'Окно лет запуска', 'Іске қосу жылдарының аралығы'],
  status: ['Status', 'Статус', 'Мәртебе'],
  supply_t_per_year: ['Supply', 'Поставка', 'Жеткізу'],
  target_dscr: ['Target DSCR', 'Целевой DSCR', 'Мақсатты DSCR'],
  lender: ['Lender preset', 'Тип кредитора', 'Кредитор түрі'],
  dsra_months: [
    'Debt-service reserve',
    'Резерв на обслуживание долга',
    'Қарызға қызмет көрсету резерві',
  ],
  upfront_fee_pct: ['Upfront fee', 'Единовременная комиссия', 'Біржолғы комиссия'],
  commitment_fee_pct_per_year: [
    'Commitment fee',
    'Комиссия за резервирование',
    'Резервтеу үшін комиссия',
  ],
  interest_during_construction: [
    'Interest during construction',
    'Проценты в период строительства',
    'Құрылыс кезеңіндегі пайыздар',
  ],
  covenants: ['Covenants', 'Ковенанты', 'Ковенанттар'],
  min_dscr: ['Minimum DSCR', 'Минимальный DSCR', 'Ең төменгі DSCR'],
  lockup_dscr: [
    'Distribution lock-up DSCR',
    'DSCR блокировки дивидендов',
    'Дивидендтерді бұғаттау DSCR',
  ],
  min_llcr: ['Minimum LLCR', 'Минимальный LLCR', 'Ең төменгі LLCR'],
  tariff_kzt_per_kwh: ['Power tariff', 'Тариф на электроэнергию', 'Электр энергиясы тарифі'],
  template: ['Template', 'Шаблон', 'Үлгі'],
  tenor_years: ['Loan tenor', 'Срок кредита', 'Несие мерзімі'],
  type: ['Type', 'Тип', 'Түрі'],
  uncertainty: ['Uncertainty', 'Неопределённость', 'Белгісіздік'],
  unit: ['Unit', 'Единица', 'Бірлік'],
  value: ['Value', 'Значение', 'Мәні'],
  values: ['Values', 'Значения', 'Мәндері'],
  working_capital: ['Working capital', 'Оборотный капитал', 'Айналым капиталы'],
  zar_per_usd: ['ZAR per USD', 'Рэндов за USD', 'USD-ға рэнд'],
  as_of: ['As of', 'По состоянию на', 'Күйі бойынша'],
  basis_cr2o3_pct: ['Basis Cr2O3 grade', 'Базовое содержание Cr2O3', 'Cr2O3 базалық құрамы'],
  basis_cr_fe: ['Basis Cr/Fe ratio', 'Базовое отношение Cr/Fe', 'Cr/Fe базалық қатынасы'],
  basis_rmb_per_dmtu_vat_incl: [
    'Basis price per dmtu (RMB, VAT incl.)',
    'Базовая цена за дмт-единицу (юани, с НДС)',
    'Базалық баға бір дмт-бірлікке (юань, ҚҚС-пен)',
  ],
  basis_usd_per_dmtu: [
    'Basis price per dmtu (USD)',
    'Базовая цена за дмт-единицу (долл.)',
    'Базалық баға бір дмт-бірлікке (АҚШ доллары)',
  ],
  border_crossing_alloy_usd_per_t: [
    'Border crossing, alloy',
    'Погранпереход, сплав',
    'Шекара өткелі, қорытпа',
  ],
  border_crossing_bulk_usd_per_t: [
    'Border crossing, bulk',
    'Погранпереход, навалом',
    'Шекара өткелі, үйме жүк',
  ],
  cash_cost_usd_per_t: ['Cash cost', 'Денежные затраты', 'Ақшалай шығындар'],
  china_import_duty_pct: ['China import duty', 'Импортная пошлина Китая', 'Қытайдың импорт бажы'],
  china_port_to_mill_bulk_usd_per_t: [
    'China port to mill, bulk',
    'Порт Китая – завод, навалом',
    'Қытай порты – зауыт, үйме жүк',
  ],
  china_rail_to_mill_alloy_usd_per_t: [
    'China rail to mill, alloy',
    'Ж/д Китая до завода, сплав',
    'Қытай теміржолы зауытқа дейін, қорытпа',
  ],
  china_rail_to_mill_bulk_usd_per_t: [
    'China rail to mill, bulk',
    'Ж/д Китая до завода, навалом',
    'Қытай теміржолы зауытқа дейін, үйме жүк',
  ],
  construction_jobs_per_usd_m_per_year: [
    'Construction jobs per USD M a year',
    'Рабочие места на стройке на 1 млн долл. в год',
    'Құрылыстағы жұмыс орындары жылына 1 млн долларға',
  ],
  contract: ['Supply contract', 'Договор поставки', 'Жеткізу шарты'],
  cr2o3_step_usd_per_dmtu_per_pct: [
    'Cr2O3 step per percent',
    'Шаг цены за процент Cr2O3',
    'Cr2O3 пайызына баға қадамы',
  ],
  cr_fe_premium_usd_per_dmtu: ['Cr/Fe premium', 'Премия за Cr/Fe', 'Cr/Fe үшін сыйақы'],
  crossing: ['Border crossing', 'Погранпереход', 'Шекара өткелі'],
  deck: ['Price deck', 'Ценовой прогноз', 'Баға болжамы'],
  design: ['Design basis', 'Проектная база', 'Жобалық негіз'],
  discount_pct: ['Discount', 'Скидка', 'Жеңілдік'],
  escalation_years: ['Escalation years', 'Годы роста', 'Өсу жылдары'],
  extra_supply: ['Extra supply', 'Дополнительные поставки', 'Қосымша жеткізілім'],
  from: ['From', 'Откуда', 'Қайдан'],
  grid_connection_capex_usd_per_mw: [
    'Grid connection cost per MW',
    'Стоимость присоединения к сети на МВт',
    'Желіге қосылу құны МВт-қа',
  ],
  grid_connection_lead_time_years: [
    'Grid connection lead time',
    'Срок присоединения к сети',
    'Желіге қосылу мерзімі',
  ],
  inside_economy: ['Inside the economy', 'Внутри экономики', 'Экономика ішінде'],
  jobs_per_kt: ['Jobs per kt', 'Рабочих мест на тыс. т', 'Мың тоннаға жұмыс орны'],
  logistics: ['Logistics', 'Логистика', 'Логистика'],
  long_term_basis_rmb_per_dmtu_vat_incl: [
    'Long-term basis price per dmtu (RMB, VAT incl.)',
    'Долгосрочная базовая цена за дмт-единицу (юани, с НДС)',
    'Ұзақ мерзімді базалық баға дмт-бірлікке (юань, ҚҚС-пен)',
  ],
  long_term_basis_usd_per_dmtu: [
    'Long-term basis price per dmtu (USD)',
    'Долгосрочная базовая цена за дмт-единицу (долл.)',
    'Ұзақ мерзімді базалық баға дмт-бірлікке (АҚШ доллары)',
  ],
  long_term_price_rmb_per_t_50pct_cr_vat_incl: [
    'Long-term price (RMB per t, 50 % Cr, VAT incl.)',
    'Долгосрочная цена (юани/т, 50 % Cr, с НДС)',
    'Ұзақ мерзімді баға (юань/т, 50 % Cr, ҚҚС-пен)',
  ],
  long_term_price_rmb_per_t_vat_incl: [
    'Long-term price (RMB per t, VAT incl.)',
    'Долгосрочная цена (юани/т, с НДС)',
    'Ұзақ мерзімді баға (юань/т, ҚҚС-пен)',
  ],
  long_term_price_usd_per_lb_cr: [
    'Long-term price (USD per lb Cr)',
    'Долгосрочная цена (долл. за фунт Cr)',
    'Ұзақ мерзімді баға (Cr фунты үшін АҚШ доллары)',
  ],
  long_term_price_usd_per_t: [
    'Long-term price (USD per t)',
    'Долгосрочная цена (долл./т)',
    'Ұзақ мерзімді баға (АҚШ доллары/т)',
  ],
  offgas_efficiency: [
    'Off-gas power efficiency',
    'КПД выработки электроэнергии из газа',
    'Газдан электр өндіру ПӘК',
  ],
  origin_premium_rmb_per_t_50pct_cr_vat_incl: [
    'Origin premium (RMB per t, 50 % Cr, VAT incl.)',
    'Премия за происхождение (юани/т, 50 % Cr, с НДС)',
    'Шығу тегі сыйақысы (юань/т, 50 % Cr, ҚҚС-пен)',
  ],
  origin_premium_usd_per_t: [
    'Origin premium (USD per t)',
    'Премия за происхождение (долл./т)',
    'Шығу тегі сыйақысы (АҚШ доллары/т)',
  ],
  p_max_pct: ['P limit', 'Предел P', 'P шегі'],
  p_penalty_usd_per_dmt_per_0_01pct: [
    'P penalty per 0.01 %',
    'Штраф за P на 0,01 %',
    '0,01 % P үшін айыппұл',
  ],
  power_plant: [
    'Off-gas power plant',
    'Электростанция на отходящем газе',
    'Шығатын газдағы электр станциясы',
  ],
  price: ['Price', 'Цена', 'Баға'],
  price_formula: ['Price formula', 'Формула цены', 'Баға формуласы'],
  price_paths: ['Price paths', 'Ценовые траектории', 'Баға траекториялары'],
  price_point: ['Price point', 'Точка цены', 'Баға нүктесі'],
  product: ['Product', 'Продукт', 'Өнім'],
  production_t_per_year: ['Production', 'Производство', 'Өндіріс'],
  rail_to_border_alloy_usd_per_t: [
    'Rail to the border, alloy',
    'Ж/д до границы, сплав',
    'Шекараға дейін теміржол, қорытпа',
  ],
  rail_to_border_bulk_usd_per_t: [
    'Rail to the border, bulk',
    'Ж/д до границы, навалом',
    'Шекараға дейін теміржол, үйме жүк',
  ],
  real_escalation_pct_per_year: [
    'Real escalation per year',
    'Реальный рост в год',
    'Жылдық нақты өсім',
  ],
  reversion_per_year: [
    'Mean reversion per year',
    'Возврат к среднему в год',
    'Орташаға жылдық қайту',
  ],
  series: ['Series', 'Ряды', 'Қатарлар'],
  shock_correlations: ['Shock correlations', 'Корреляции шоков', 'Соққылар корреляциясы'],
  sio2_max_pct: ['SiO2 limit', 'Предел SiO2', 'SiO2 шегі'],
  sio2_penalty_usd_per_dmt_per_pct: [
    'SiO2 penalty per percent',
    'Штраф за процент SiO2',
    'SiO2 пайызы үшін айыппұл',
  ],
  supplier: ['Supplier', 'Поставщик', 'Жеткізуші'],
  take_or_pay_share: ['Take-or-pay share', 'Доля «бери или плати»', '«Ал немесе төле» үлесі'],
  tariff_year: ['Tariff year', 'Год тарифа', 'Тариф жылы'],
  volatility_per_sqrt_year: ['Volatility', 'Волатильность', 'Құбылмалылық'],
  reference_class: ['Reference cost class', 'Класс стоимостных данных', 'Құн деректерінің класы'],
  osbl_pct: ['Off-sites', 'Внеплощадочные объекты', 'Алаңнан тыс нысандар'],
  indirect_pct: ['Indirect costs', 'Косвенные затраты', 'Жанама шығындар'],
  factor: ['Capex factor', 'Коэффициент капзатрат', 'Күрделі шығындар коэффициенті'],
};

/** Operating-cost categories (appraisal `OpexLine.category`). */
export const CATEGORY_NAMES: Names = {
  feed: ['Feed', 'Сырьё', 'Шикізат'],
  consumable: ['Consumables', 'Расходные материалы', 'Шығын материалдары'],
  energy: ['Energy', 'Энергия', 'Энергия'],
  labour: ['Labour', 'Персонал', 'Персонал'],
  maintenance: ['Maintenance', 'Ремонт', 'Жөндеу'],
  insurance: ['Insurance', 'Страхование', 'Сақтандыру'],
  overhead: ['Overheads', 'Накладные', 'Үстеме шығындар'],
  logistics: ['Logistics', 'Логистика', 'Логистика'],
};

/** NPV-bridge drivers (src/analysis/npv-bridge.ts). */
export const DRIVER_NAMES: Names = {
  'price (per t contained Cr)': [
    'Price (per t contained Cr)',
    'Цена (на т Cr)',
    'Баға (1 т Cr-ға)',
  ],
  'volume (t contained Cr)': ['Volume (t contained Cr)', 'Объём (т Cr)', 'Көлем (т Cr)'],
  revenue: ['Revenue', 'Выручка', 'Түсім'],
  'opex: feed': ['Opex: feed', 'Затраты: сырьё', 'Шығындар: шикізат'],
  'opex: consumables': [
    'Opex: consumables',
    'Затраты: расходные материалы',
    'Шығындар: шығын материалдары',
  ],
  'opex: energy': ['Opex: energy', 'Затраты: энергия', 'Шығындар: энергия'],
  'opex: labour': ['Opex: labour', 'Затраты: персонал', 'Шығындар: персонал'],
  'opex: maintenance, insurance, overheads': [
    'Opex: maintenance, insurance, overheads',
    'Затраты: ремонт, страхование, накладные',
    'Шығындар: жөндеу, сақтандыру, үстеме',
  ],
  'opex: logistics': ['Opex: logistics', 'Затраты: логистика', 'Шығындар: логистика'],
  capex: ['Capex', 'Капвложения', 'Күрделі шығындар'],
  'working capital': ['Working capital', 'Оборотный капитал', 'Айналым капиталы'],
  tax: ['Taxes', 'Налоги', 'Салықтар'],
  closure: ['Closure', 'Ликвидация', 'Жою'],
};

/** Product forms of the value ladder and product ids of the reference scenarios. */
export const PRODUCT_NAMES: Names = {
  concentrate: ['Concentrate', 'Концентрат', 'Концентрат'],
  hc_ferrochrome: ['HC ferrochrome', 'Высокоуглеродистый феррохром', 'Жоғары көміртекті феррохром'],
  lc_ferrochrome: ['LC ferrochrome', 'Низкоуглеродистый феррохром', 'Төмен көміртекті феррохром'],
  chromium_metal: ['Chromium metal', 'Металлический хром', 'Металл хром'],
  'hc-ferrochrome': [
    'HC ferrochrome',
    'Высокоуглеродистый феррохром',
    'Жоғары көміртекті феррохром',
  ],
  'chromium-metal': ['Chromium metal', 'Металлический хром', 'Металл хром'],
  'chromite-concentrate': ['Chromite concentrate', 'Хромитовый концентрат', 'Хромит концентраты'],
};

/** Unit kinds of the flowsheets (src/process), by family. */
export const KIND_NAMES: Names = {
  furnace: ['Furnace', 'Печь', 'Пеш'],
  kiln: ['Kiln', 'Обжиговая печь', 'Күйдіру пеші'],
  mill: ['Mill', 'Мельница', 'Диірмен'],
  screen: ['Screen', 'Грохот', 'Електеуіш'],
  cyclone: ['Hydrocyclone', 'Гидроциклон', 'Гидроциклон'],
  spiral: ['Spirals', 'Винтовой сепаратор', 'Бұрамалы сепаратор'],
  tank: ['Tank', 'Ёмкость', 'Сыйымдылық'],
  filter: ['Filter', 'Фильтр', 'Сүзгі'],
  reactor: ['Reactor', 'Реактор', 'Реактор'],
  outlet: ['Outlet', 'Выход', 'Шығыс'],
  node: ['Mixer / splitter', 'Смеситель / делитель', 'Араластырғыш / бөлгіш'],
  other: ['Unit', 'Агрегат', 'Агрегат'],
};

/** Appraisal output keys (last segment of an output path) and stage KPIs. */
export const OUTPUT_NAMES: Names = {
  npv_usd: ['NPV', 'ЧДД (NPV)', 'NPV'],
  irr: ['Project IRR', 'ВНД проекта', 'Жобаның IRR'],
  mirr: ['MIRR', 'MIRR', 'MIRR'],
  equity_irr: ['Equity IRR', 'ВНД собственного капитала', 'Меншікті капиталдың IRR'],
  payback_years: ['Payback', 'Срок окупаемости', 'Өтелу мерзімі'],
  discounted_payback_years: [
    'Discounted payback',
    'Дисконтированный срок окупаемости',
    'Дисконтталған өтелу мерзімі',
  ],
  profitability_index: ['Profitability index', 'Индекс доходности', 'Табыстылық индексі'],
  lcop_usd_per_t: ['LCOP per t', 'LCOP на т', '1 т-ға LCOP'],
  lcop_usd_per_t_cr: ['LCOP per t Cr', 'LCOP на т Cr', '1 т Cr-ға LCOP'],
  min_dscr: ['Minimum DSCR', 'Минимальный DSCR', 'Ең төменгі DSCR'],
  peak_funding_usd: ['Peak funding', 'Пиковое финансирование', 'Ең жоғары қаржыландыру'],
  avg_dscr: ['Average DSCR', 'Средний DSCR', 'Орташа DSCR'],
  llcr: ['LLCR', 'LLCR', 'LLCR'],
  min_llcr: ['Minimum LLCR', 'Минимальный LLCR', 'Ең төменгі LLCR'],
  plcr: ['PLCR', 'PLCR', 'PLCR'],
  dividend_withholding_rate: [
    'Dividend withholding tax rate',
    'Ставка налога у источника на дивиденды',
    'Дивидендтерге төлем көзінен салынатын салық мөлшерлемесі',
  ],
  dividend_withholding_usd: [
    'Dividend withholding tax',
    'Налог у источника на дивиденды',
    'Дивидендтерге төлем көзінен салынатын салық',
  ],
  interest_withholding_usd: [
    'Interest withholding tax',
    'Налог у источника на проценты',
    'Пайыздарға төлем көзінен салынатын салық',
  ],
  shareholder_loan_drawn_usd: [
    'Shareholder loan drawn',
    'Выбранный заём акционера',
    'Акционер қарызының алынған сомасы',
  ],
  lockup_years: [
    'Years of distribution lock-up',
    'Годы блокировки выплат',
    'Төлемдер бұғатталған жылдар',
  ],
  sponsor_equity_irr: [
    'Sponsor equity IRR (USD)',
    'ВНД спонсора (USD)',
    'Демеушінің меншікті капитал IRR (USD)',
  ],
  sponsor_equity_irr_rmb: [
    'Sponsor equity IRR (RMB)',
    'ВНД спонсора (юани)',
    'Демеушінің меншікті капитал IRR (юань)',
  ],
  sponsor_payback_years: [
    'Sponsor payback (USD)',
    'Окупаемость для спонсора (USD)',
    'Демеуші үшін өтелу мерзімі (USD)',
  ],
  sponsor_payback_years_rmb: [
    'Sponsor payback (RMB)',
    'Окупаемость для спонсора (юани)',
    'Демеуші үшін өтелу мерзімі (юань)',
  ],
  financing_fees_usd: ['Financing fees', 'Комиссии по кредиту', 'Несие комиссиялары'],
  interest_during_construction_usd: [
    'Interest during construction',
    'Проценты в период строительства',
    'Құрылыс кезеңіндегі пайыздар',
  ],
  dsra_initial_usd: [
    'Initial DSRA',
    'Начальный резерв обслуживания долга',
    'Қарызға қызмет көрсету резервінің бастапқы сомасы',
  ],
  working_capital_and_start_up_usd: [
    'Working capital and start-up',
    'Оборотный капитал и пусковые затраты',
    'Айналым капиталы және іске қосу шығындары',
  ],
  total_uses_usd: [
    'Total uses of funds',
    'Всего использование средств',
    'Қаражатты пайдалану, барлығы',
  ],
  debt_usd: ['Debt', 'Заёмные средства', 'Қарыз қаражаты'],
  equity_usd: ['Equity', 'Собственный капитал', 'Меншікті капитал'],
  discount_rate: ['Discount rate', 'Ставка дисконтирования', 'Дисконттау мөлшерлемесі'],
  breakeven_price_usd_per_t: ['Break-even price', 'Цена безубыточности', 'Залалсыздық бағасы'],
  breakeven_tariff_kzt_per_kwh: ['Break-even tariff', 'Тариф безубыточности', 'Залалсыздық тарифі'],
  value_added_usd_per_year: ['Value added', 'Добавленная стоимость', 'Қосылған құн'],
  value_added_over_baseline_usd_per_year: [
    'Value added over raw export',
    'Прирост добавленной стоимости к экспорту сырья',
    'Шикізат экспортына қарағанда қосылған құн',
  ],
  jobs_direct: ['Direct jobs', 'Прямые рабочие места', 'Тікелей жұмыс орындары'],
  jobs_indirect: ['Indirect jobs', 'Косвенные рабочие места', 'Жанама жұмыс орындары'],
  government_take_npv_usd: ['Taxes (PV)', 'Налоги (приведённые)', 'Салықтар (келтірілген)'],
  power_demand_MW: ['Power demand', 'Потребляемая мощность', 'Қажетті қуат'],
  scope1_t_co2_per_year: ['CO₂ scope 1', 'CO₂, охват 1', 'CO₂, 1-қамту'],
  scope2_t_co2_per_year: ['CO₂ scope 2', 'CO₂, охват 2', 'CO₂, 2-қамту'],
  grid_factor_t_co2_per_mwh: [
    'Grid CO₂ factor',
    'Удельные выбросы энергосистемы',
    'Желінің CO₂ коэффициенті',
  ],
  cbam_cost_usd_per_year: ['CBAM cost', 'Платёж по CBAM', 'CBAM төлемі'],
  cr6_generated_kg_per_year: ['Cr(VI) generated', 'Образование Cr(VI)', 'Түзілген Cr(VI)'],
  cr6_treated_kg_per_year: ['Cr(VI) treated', 'Обезврежено Cr(VI)', 'Залалсыздандырылған Cr(VI)'],
  cr6_released_to_water_kg_per_year: [
    'Cr(VI) released to water',
    'Сброс Cr(VI) в воду',
    'Суға төгілген Cr(VI)',
  ],
  cr6_to_landfill_kg_per_year: ['Cr(VI) to landfill', 'Cr(VI) на полигон', 'Полигонға Cr(VI)'],
  hazardous_waste_t_per_year: ['Hazardous waste', 'Опасные отходы', 'Қауіпті қалдықтар'],
  water_withdrawn_m3_per_year: ['Water withdrawn', 'Забор воды', 'Су алу'],
  water_discharged_m3_per_year: ['Water discharged', 'Сброс воды', 'Су төгу'],
  market_share: ['Market share', 'Доля рынка', 'Нарық үлесі'],
  price_factor: [
    'Price after entry ÷ before',
    'Цена после входа ÷ до',
    'Кіруден кейінгі баға ÷ дейінгі',
  ],
  project_t_per_year: ['Project sales', 'Продажи проекта', 'Жоба сатылымы'],
  cbam_basis: ['CBAM emission basis', 'Основа выбросов для CBAM', 'CBAM үшін шығарынды негізі'],
  cbam_embedded_t_co2_per_t: [
    'CBAM embedded emissions',
    'Воплощённые выбросы для CBAM',
    'CBAM үшін енгізілген шығарындылар',
  ],
  capex_usd: ['Capex', 'Капвложения', 'Күрделі шығындар'],
  opex_usd_per_year: ['Opex', 'Операционные затраты', 'Операциялық шығындар'],
  revenue_usd_per_year: ['Revenue', 'Выручка', 'Түсім'],
  t_per_year: ['Output', 'Выпуск', 'Шығарылым'],
  cr_recovery: ['Cr recovery', 'Извлечение Cr', 'Cr бөліп алу'],
  ...STAGE_KPI_NAMES,
};

/** Flowsheet templates as routes (what-the-budget-buys table, src/scenario/template-catalogue.ts). */
export const TEMPLATE_NAMES: Names = {
  'fecr-saf': [
    'Submerged-arc furnace (SAF)',
    'Рудно-термическая печь (РТП)',
    'Кен-термиялық пеш (КТП)',
  ],
  'fecr-dc': [
    'DC open-arc furnace',
    'Печь постоянного тока с открытой дугой',
    'Ашық доғалы тұрақты ток пеші',
  ],
  'fecr-outokumpu': [
    'Outokumpu: sintered pellets, shaft preheater, closed SAF',
    'Outokumpu: обожжённые окатыши, шахтный подогреватель, закрытая РТП',
    'Outokumpu: күйдірілген түйіршіктер, шахталық қыздырғыш, жабық КТП',
  ],
  'fecr-prereduced': [
    'Pre-reduction in a rotary kiln, then a SAF',
    'Предвосстановление во вращающейся печи, затем РТП',
    'Айналмалы пеште алдын ала тотықсыздандыру, содан кейін КТП',
  ],
  'kempirsai-concentrator': ['Concentrator', 'Обогатительная фабрика', 'Байыту фабрикасы'],
  'cr-aluminothermic': [
    'Aluminothermic chromium metal',
    'Алюминотермический металлический хром',
    'Алюминотермиялық металл хром',
  ],
};

/** Reference cost classes (data/capex/classes): who builds and at whose prices. */
export const COST_CLASS_NAMES: Names = {
  'china-epc': ['Chinese EPC', 'Китайский EPC-подрядчик', 'Қытайлық EPC мердігері'],
  western: ['Western', 'Западный', 'Батыстық'],
};

/** Provenance status badges. */
export const STATUS_NAMES: Names = {
  verified: ['verified', 'проверено', 'тексерілген'],
  derived: ['derived', 'выведено', 'есептелген'],
  assumed: ['assumed', 'допущение', 'болжам'],
  input: ['input', 'ввод', 'енгізілген'],
  default: ['default', 'по умолчанию', 'әдепкі'],
};

const INDEX: Record<Lang, number> = { en: 0, ru: 1, kk: 2 };

/** The name of `key` in `names` for the language, or `key` itself when not listed. */
export function nameOf(names: Names, key: string, lang: Lang): string {
  return names[key]?.[INDEX[lang]] ?? key;
}

/** The family of a unit kind, for its symbol and name. */
export function kindFamily(kind: string): string {
  if (/furnace/.test(kind)) return 'furnace';
  if (/kiln|calciner|roast|sinter|preheater/.test(kind)) return 'kiln';
  if (/mill/.test(kind)) return 'mill';
  if (/screen/.test(kind)) return 'screen';
  if (/cyclone/.test(kind)) return 'cyclone';
  if (/spiral/.test(kind)) return 'spiral';
  if (/filter/.test(kind)) return 'filter';
  if (/reactor|refining|electrowinning|briquetting|pelletiser/.test(kind)) return 'reactor';
  if (/leach|thickener|crystalliser|wash|purification|tank/.test(kind)) return 'tank';
  if (/product|tailings/.test(kind)) return 'outlet';
  if (/mixer|splitter|feeder/.test(kind)) return 'node';
  return 'other';
}

/** Outputs that are ratios of two money flows (DSCR, LLCR, PLCR, PI), shown like the finance panel's "1.45×". */
const RATIO_OUTPUT = /(^|_)(dscr|llcr|plcr)$|^profitability_index$/;

/**
 * How an output is shown: money (in millions on charts), a fraction (in per cent) or a quantity
 * in `unit`; an offset unit (°C for a temperature computed in K) gives the raw value at the
 * shown zero, `origin` (shown = raw − origin, before any scale).
 */
export interface OutputUnit {
  kind: 'money' | 'pct' | 'qty';
  unit: string;
  origin?: number;
}

/**
 * Unit of an appraisal output from its key's suffix (money, fraction, years, physical); the
 * stages' KPIs by kpi-labels.ts. A `_rmb` suffix names the same figure in the sponsor's
 * currency (an IRR stays a per cent, a payback years).
 */
export function outputUnit(path: string): OutputUnit {
  const key = (path.split('.').pop() ?? path).replace(/_rmb$/, '');
  if (/(^|_)irr$|^mirr$|_rate$|recovery$|share$|efficiency$/.test(key))
    return { kind: 'pct', unit: '%' };
  if (/_usd$|_usd_per_year$/.test(key)) return { kind: 'money', unit: 'USD' };
  if (key.endsWith('_years')) return { kind: 'qty', unit: 'years' };
  if (RATIO_OUTPUT.test(key)) return { kind: 'qty', unit: '×' };
  if (key.startsWith('jobs_')) return { kind: 'qty', unit: 'jobs' };
  if (key.endsWith('_usd_per_t_cr')) return { kind: 'qty', unit: 'USD/t Cr' };
  if (key.endsWith('_usd_per_t')) return { kind: 'qty', unit: 'USD/t' };
  if (key.endsWith('_kzt_per_kwh')) return { kind: 'qty', unit: 'KZT/kWh' };
  if (key.endsWith('_t_co2_per_year')) return { kind: 'qty', unit: 't CO2/year' };
  if (key.endsWith('_t_co2_per_mwh')) return { kind: 'qty', unit: 't CO2/MWh' };
  if (key.endsWith('_t_co2_per_t')) return { kind: 'qty', unit: 't CO2/t' };
  if (/(^|_)t_per_year$/.test(key)) return { kind: 'qty', unit: 't/year' };
  if (key.endsWith('_MW')) return { kind: 'qty', unit: 'MW' };
  if (key.endsWith('_kwh_per_t')) return { kind: 'qty', unit: 'kWh/t' };
  // only a stage's KPI, so that no other output changes unit
  const kpi = path.includes('.kpis.') || key in STAGE_KPI_NAMES ? kpiUnit(key) : undefined;
  return kpi ?? { kind: 'qty', unit: '' };
}
