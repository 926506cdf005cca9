-- Every document has at least one row of each kind of fact it declares (documents.fact_kinds):
-- a curated document with no event, estimate, leader, relationship or designation it contains fails here.

with

documents as (

    select * from {{ ref('stg_curation__documents') }}

),

event_mentions as (

    select * from {{ ref('stg_curation__event_mentions') }}

),

membership_estimates as (

    select * from {{ ref('stg_curation__membership_estimates') }}

),

leadership_tenures as (

    select * from {{ ref('stg_curation__leadership_tenures') }}

),

group_relationships as (

    select * from {{ ref('stg_curation__group_relationships') }}

),

designations as (

    select * from {{ ref('stg_curation__designations') }}

),

fact_counts as (

    select
        'event_mentions' as fact_kind,
        document_id
    from event_mentions
    union all
    select
        'membership_estimates' as fact_kind,
        document_id
    from membership_estimates
    union all
    select
        'leadership_tenures' as fact_kind,
        document_id
    from leadership_tenures
    union all
    select
        'group_relationships' as fact_kind,
        document_id
    from group_relationships
    union all
    select
        'designations' as fact_kind,
        document_id
    from designations

),

kinds as (

    select 'event_mentions' as fact_kind
    union all
    select 'membership_estimates'
    union all
    select 'leadership_tenures'
    union all
    select 'group_relationships'
    union all
    select 'designations'

),

declared as (

    select
        documents.document_id,
        kinds.fact_kind
    from documents
    cross join kinds
    where {{ dbt.position("kinds.fact_kind", "documents.fact_kinds") }} > 0

),

final as (

    select
        declared.document_id,
        declared.fact_kind,
        'declared in documents.fact_kinds but no row found' as problem
    from declared
    left join fact_counts
        on declared.document_id = fact_counts.document_id and declared.fact_kind = fact_counts.fact_kind
    where fact_counts.document_id is null

)

select * from final
