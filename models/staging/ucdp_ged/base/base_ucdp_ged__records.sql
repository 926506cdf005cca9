{{ config(materialized="table") }}
-- depends_on: {{ source('ucdp_ged', 'event_files') }}

-- A table, not a view: the files are read once, at build time (a view would read them relative to whoever
-- queries it). Every registered GED file's records with every column of the stored layout
-- (macros/generated/dataset_layouts.sql), typed and otherwise as published: the research export writes a record back
-- from here with its own values; stg_ucdp_ged__events renames and cleans.

with

source as (

    {{ dataset_source('ucdp-ged') }}

),

final as (

    select * from source

)

select * from final
