-- The countries dataset records take place in, by ISO code, whether or not the documents name them; the
-- documents' country place where one carries the same name.

with

countries as (

    select * from {{ ref('stg_datasets__countries') }}

),

country_places as (

    select * from {{ ref('int_country_places_keyed') }}

),

records as (

    select * from {{ ref('int_dataset_records_unioned') }}

),

record_counts as (

    select
        country_iso3,
        count(*) as dataset_record_count
    from records
    where country_iso3 is not null
    group by country_iso3

),

final as (

    select
        countries.iso3,
        countries.iso2,
        countries.iso_numeric,
        countries.country_name,
        countries.continent_code,
        country_places.place_id,
        coalesce(record_counts.dataset_record_count, 0) as dataset_record_count,
        countries.list_source
    from countries
    left join country_places
        on {{ name_key('countries.country_name') }} = country_places.country_key and country_places.place_count = 1
    left join record_counts on countries.iso3 = record_counts.country_iso3

)

select * from final
