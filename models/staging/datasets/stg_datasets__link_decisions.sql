with

source as (

    select * from {{ ref('dataset_link_decisions') }}

),

renamed as (

    select
        dataset_format,
        record_id,
        event_id,
        decision,
        cast(match_probability as double) as match_probability,
        reason,
        cast(decided_on as date) as decided_on
    from source

),

final as (

    select * from renamed

)

select * from final
