with

source as (

    select * from {{ ref('group_relationships') }}

),

renamed as (

    select
        relationship_id,
        group_id,
        related_group_id,
        relationship_type,
        start_text,
        cast(start_date as date) as start_date,
        start_precision,
        end_text,
        cast(end_date as date) as end_date,
        end_precision,
        certainty,
        document_id,
        quote,
        notes
    from source

),

final as (

    select * from renamed

)

select * from final
