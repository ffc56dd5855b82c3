from os path import join
