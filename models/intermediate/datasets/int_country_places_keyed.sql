-- The documents' country places by name key (case, punctuation and spaces ignored), for matching the country a
-- dataset names: a key that two country places share resolves to neither (place_count > 1).

with

entities as (

    select * from {{ ref('stg_curation__entities') }}

),

final as (

    select
        {{ name_key('canonical_name') }} as country_key,
        min(entity_id) as place_id,
        count(*) as place_count
    from entities
    where entity_type = 'place' and entity_subtype = 'country'
    group by {{ name_key('canonical_name') }}

)

select * from final
