with

source as (

    select * from {{ ref('dataset_actor_crosswalk') }}

),

renamed as (

    select
        dataset_format,
        actor_name,
        decision,
        entity_id,
        reason
    from source

),

final as (

    select * from renamed

)

select * from final
