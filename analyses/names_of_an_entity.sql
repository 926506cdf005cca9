-- Every way the documents spell a group or person, per document (here: Tahir Yuldashev).

with

aliases as (

    select * from {{ ref('dim_entity_aliases') }}

),

final as (

    select
        document_id,
        alias,
        alias_type
    from aliases
    where entity_id = {{ analysis_param('entity_id') }}

)

select * from final
order by document_id, alias
