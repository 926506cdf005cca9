-- Every name a dataset may give a country, as a name key (case, accents' punctuation and spaces ignored), with
-- the country's ISO 3166-1 alpha-3 code: the GeoNames names and the curated variants (GTD's "West Bank and Gaza
-- Strip", UCDP's "DR Congo"). A key naming two countries resolves to none (iso3_count > 1).

with

countries as (

    select * from {{ ref('stg_datasets__countries') }}

),

variants as (

    select * from {{ ref('stg_datasets__country_name_variants') }}

),

names as (

    select
        iso3,
        {{ name_key('country_name') }} as name_key
    from countries
    union all
    select
        iso3,
        {{ name_key('country_name') }} as name_key
    from variants

),

final as (

    select
        name_key,
        min(iso3) as iso3,
        count(distinct iso3) as iso3_count
    from names
    group by name_key

)

select * from final
