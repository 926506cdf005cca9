with

source as (

    select * from {{ ref('event_actors') }}

),

renamed as (

    select
        event_actor_id,
        mention_id,
        entity_id,
        role,
        attribution,
        attributed_by,
        quote,
        notes
    from source

),

final as (

    select * from renamed

)

select * from final
