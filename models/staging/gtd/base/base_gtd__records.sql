{{ config(materialized="table") }}
-- depends_on: {{ source('gtd', 'incident_files') }}

-- A table, not a view: the files are read once, at build time. Every registered GTD file's incidents with all
-- 135 columns of the codebook layout (macros/generated/dataset_layouts.sql), typed and otherwise as published (-9, -99
-- and
-- month or day 0 kept): the research export writes a record back from here with its own values;
-- stg_gtd__incidents renames and cleans.

with

source as (

    {{ dataset_source('gtd') }}

),

final as (

    select * from source

)

select * from final
