with

source as (

    select * from {{ ref('event_types') }}

),

renamed as (

    select
        event_type,
        label,
        category,
        cast(is_attack as boolean) as is_attack,
        gtd_attack_type,
        description
    from source

),

final as (

    select * from renamed

)

select * from final
